package io.racefree.testing;

import java.sql.SQLException;

/** A query run by the testing kit itself (not by the test) failed; the cause is the driver's error.
 * Immutable. */
public final class TestingSqlException extends RuntimeException {
  /**
   * A failed query of the kit.
   *
   * @param message what the kit was doing
   * @param cause the driver's error
   */
  public TestingSqlException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
  }
}
