package io.racefree;

/**
 * Work to run on an auto-commit session, returning a value. It may throw the caller's checked
 * exception {@code X}, which reaches the caller unwrapped.
 *
 * <p>Need not be thread-safe: racefree calls it on the thread that passed it in.
 *
 * @param <T> what the work returns
 * @param <X> the checked exception it may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface SessionCallback<T, X extends Exception> {
  /**
   * The work, on {@code session}; its value is what {@code withSession} returns.
   *
   * @param session an auto-commit session, valid until the callback returns
   * @return what {@code withSession} returns
   * @throws X what the callback throws, unwrapped
   */
  T withSession(Session session) throws X;
}
