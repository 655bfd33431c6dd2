package io.racefree.error;

/**
 * The transaction committed or rolled back, but releasing what it held afterwards (a MariaDB/MySQL
 * named lock, say) failed ({@link ErrorCategory#RELEASE_FAILED}). Not retryable: the work may have
 * committed. The connection was closed if it could still hold locks.
 *
 * <p>Immutable (suppressed exceptions aside) and thread-safe, like every racefree exception.
 */
public class ReleaseFailedException extends RacefreeException {
  /**
   * An exception for {@code details}, with {@code advice} as the "what to do" line.
   *
   * @param details what racefree knows of the failed statement: task, SQL, SQLState, vendor code, database
   * @param problem what went wrong, in words
   * @param advice what the caller can do next
   * @param cause the driver's exception, or null
   */
  public ReleaseFailedException(ErrorDetails details, String problem, String advice, Throwable cause) {
    super(ErrorCategory.RELEASE_FAILED, details, problem, advice, cause);
  }
}
