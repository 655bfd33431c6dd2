package io.racefree.lab.probe;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one statement returned: rows of (id, value), an update count, or an error with its codes.
 *
 * <p>Immutable and thread-safe.
 */
record StepResult(List<long[]> rows, int updateCount, String error, String errorCode) {
  static StepResult ofRows(List<long[]> rows) {
    return new StepResult(List.copyOf(rows), -1, null, null);
  }

  static StepResult ofUpdateCount(int count) {
    return new StepResult(null, count, null, null);
  }

  static StepResult ok() {
    return new StepResult(null, -1, null, null);
  }

  static StepResult ofError(SQLException e) {
    String code = e.getSQLState() + "/" + e.getErrorCode();
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    return new StepResult(null, -1, message, code);
  }

  boolean failed() {
    return error != null;
  }

  /** The value of the row with this id, or null when the row was not returned. */
  Long value(long id) {
    if (rows == null) {
      return null;
    }
    return rows.stream().filter(row -> row[0] == id).map(row -> row[1]).findFirst().orElse(null);
  }

  boolean hasRows() {
    return rows != null && !rows.isEmpty();
  }

  String describe() {
    if (error != null) {
      return "ERROR " + errorCode + ": " + error;
    }
    if (rows != null) {
      return rows.isEmpty() ? "(no rows)"
          : rows.stream().map(row -> row[0] + " => " + row[1]).collect(Collectors.joining(", "));
    }
    if (updateCount >= 0) {
      return updateCount + (updateCount == 1 ? " row" : " rows");
    }
    return "ok";
  }
}
