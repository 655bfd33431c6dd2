package io.racefree.lab;

/**
 * A problem with what the user asked for (bad argument, unreachable database, wrong password, an
 * isolation level the database lacks). The command prints its one-line message and exits 2.
 *
 * <p>Immutable and thread-safe.
 */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
