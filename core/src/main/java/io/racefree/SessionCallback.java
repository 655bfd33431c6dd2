package io.racefree;

/** Work to run on an auto-commit session. */
@FunctionalInterface
public interface SessionCallback<T> {
  T withSession(Session session) throws Exception;
}
