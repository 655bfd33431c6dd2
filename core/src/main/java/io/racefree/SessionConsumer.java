package io.racefree;

/**
 * Work to run on an auto-commit session, returning nothing. It may throw the caller's checked
 * exception {@code X}, which reaches the caller unwrapped.
 *
 * <p>Need not be thread-safe: racefree calls it on the thread that passed it in.
 *
 * @param <X> the checked exception it may throw ({@link RuntimeException} when none)
 */
@FunctionalInterface
public interface SessionConsumer<X extends Exception> {
  /**
   * The work, on {@code session}.
   *
   * @param session an auto-commit session, valid until the callback returns
   * @throws X what the callback throws, unwrapped
   */
  void useSession(Session session) throws X;
}
