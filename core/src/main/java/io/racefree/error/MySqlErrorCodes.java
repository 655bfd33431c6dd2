package io.racefree.error;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Vendor error codes of the MySQL family (MariaDB and MySQL, both drivers). These win over the
 * SQLState: several important errors carry HY000, and MySQL Connector/J reports 1205 (a lock wait
 * timeout that leaves the transaction open) as 40001. Stateless and thread-safe.
 *
 * @see <a href="https://mariadb.com/kb/en/mariadb-error-code-reference/">MariaDB error codes</a>
 */
final class MySqlErrorCodes {
  /** ER_DUP_KEY: "Can't write; duplicate key in table". */
  static final int DUP_KEY = 1022;

  /** ER_DUP_ENTRY: "Duplicate entry 'x' for key 'name'". */
  static final int DUP_ENTRY = 1062;

  /** ER_DUP_ENTRY_WITH_KEY_NAME: duplicate entry found while altering a table. */
  static final int DUP_ENTRY_WITH_KEY_NAME = 1586;

  /** ER_NO_REFERENCED_ROW: child row refers to a missing parent (old servers). */
  static final int NO_REFERENCED_ROW = 1216;

  /** ER_ROW_IS_REFERENCED: parent row still referenced (old servers). */
  static final int ROW_IS_REFERENCED = 1217;

  /**
   * ER_ROW_IS_REFERENCED_2: "Cannot delete or update a parent row: a foreign key constraint fails".
   */
  static final int ROW_IS_REFERENCED_2 = 1451;

  /** ER_NO_REFERENCED_ROW_2: "Cannot add or update a child row: a foreign key constraint fails". */
  static final int NO_REFERENCED_ROW_2 = 1452;

  /** ER_BAD_NULL_ERROR: "Column 'c' cannot be null". */
  static final int BAD_NULL = 1048;

  /** ER_NO_DEFAULT_FOR_FIELD: "Field 'c' doesn't have a default value" (strict mode). */
  static final int NO_DEFAULT_FOR_FIELD = 1364;

  /** ER_CHECK_CONSTRAINT_VIOLATED (MySQL 8): "Check constraint 'c' is violated". */
  static final int CHECK_CONSTRAINT_VIOLATED = 3819;

  /** ER_CONSTRAINT_FAILED (MariaDB): "CONSTRAINT `c` failed for `db`.`t`". */
  static final int CONSTRAINT_FAILED = 4025;

  /** ER_LOCK_DEADLOCK: deadlock victim; InnoDB rolled back the whole transaction. */
  static final int LOCK_DEADLOCK = 1213;

  /**
   * ER_LOCK_WAIT_TIMEOUT: lock wait timeout; only the statement is rolled back. MariaDB NOWAIT too.
   */
  static final int LOCK_WAIT_TIMEOUT = 1205;

  /** ER_LOCK_NOWAIT (MySQL 8): NOWAIT found the row locked. */
  static final int LOCK_NOWAIT = 3572;

  /**
   * ER_CHECKREAD: "Record has changed since last read" (innodb_snapshot_isolation); tx rolled back.
   */
  static final int CHECKREAD = 1020;

  /** ER_STATEMENT_TIMEOUT (MariaDB): max_statement_time exceeded. */
  static final int STATEMENT_TIMEOUT = 1969;

  /** ER_QUERY_TIMEOUT (MySQL 8): max_execution_time exceeded. */
  static final int QUERY_TIMEOUT = 3024;

  /** ER_QUERY_INTERRUPTED: KILL QUERY or a client cancel. */
  static final int QUERY_INTERRUPTED = 1317;

  /** CR_SERVER_GONE_ERROR: "MySQL server has gone away". */
  static final int SERVER_GONE = 2006;

  /** CR_SERVER_LOST: "Lost connection to server during query". */
  static final int SERVER_LOST = 2013;

  /** ER_CONNECTION_KILLED (MariaDB): "Connection was killed". */
  static final int CONNECTION_KILLED = 1927;

  /** ER_SERVER_SHUTDOWN: "Server shutdown in progress". */
  static final int SERVER_SHUTDOWN = 1053;

  /** MariaDB Connector/J: "Connection is closed" after the socket broke. */
  static final int CONNECTION_CLOSED = 1220;

  /** MariaDB Connector/J: socket error (only together with an 08 SQLState). */
  static final int SOCKET_ERROR = -1;

  /**
   * ER_UNKNOWN_COM_ERROR with SQLState 08S01; a Galera node outside the primary component answers
   * every query with it: "WSREP has not yet prepared node for application use".
   */
  static final int UNKNOWN_COM_ERROR = 1047;

  private static final Map<Integer, ErrorCategory> CATEGORIES =
      Map.ofEntries(
          Map.entry(DUP_KEY, ErrorCategory.UNIQUE_VIOLATION),
          Map.entry(DUP_ENTRY, ErrorCategory.UNIQUE_VIOLATION),
          Map.entry(DUP_ENTRY_WITH_KEY_NAME, ErrorCategory.UNIQUE_VIOLATION),
          Map.entry(NO_REFERENCED_ROW, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(ROW_IS_REFERENCED, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(ROW_IS_REFERENCED_2, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(NO_REFERENCED_ROW_2, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(BAD_NULL, ErrorCategory.NOT_NULL_VIOLATION),
          Map.entry(NO_DEFAULT_FOR_FIELD, ErrorCategory.NOT_NULL_VIOLATION),
          Map.entry(CHECK_CONSTRAINT_VIOLATED, ErrorCategory.CHECK_VIOLATION),
          Map.entry(CONSTRAINT_FAILED, ErrorCategory.CHECK_VIOLATION),
          Map.entry(LOCK_DEADLOCK, ErrorCategory.DEADLOCK),
          Map.entry(LOCK_WAIT_TIMEOUT, ErrorCategory.LOCK_TIMEOUT),
          Map.entry(LOCK_NOWAIT, ErrorCategory.LOCK_NOT_AVAILABLE),
          Map.entry(CHECKREAD, ErrorCategory.SERIALIZATION_FAILURE),
          Map.entry(STATEMENT_TIMEOUT, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(QUERY_TIMEOUT, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(QUERY_INTERRUPTED, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(SERVER_GONE, ErrorCategory.CONNECTION_LOST),
          Map.entry(SERVER_LOST, ErrorCategory.CONNECTION_LOST),
          Map.entry(CONNECTION_KILLED, ErrorCategory.CONNECTION_LOST),
          Map.entry(SERVER_SHUTDOWN, ErrorCategory.CONNECTION_LOST),
          Map.entry(CONNECTION_CLOSED, ErrorCategory.CONNECTION_LOST));

  private MySqlErrorCodes() {}

  static Optional<ErrorCategory> categoryOf(SQLException exception, ErrorContext context) {
    int code = exception.getErrorCode();
    if (code == SOCKET_ERROR) {
      return isConnectionState(exception.getSQLState())
          ? Optional.of(ErrorCategory.CONNECTION_LOST)
          : Optional.empty();
    }
    if (code == LOCK_WAIT_TIMEOUT && isNoWait(exception, context)) {
      return Optional.of(ErrorCategory.LOCK_NOT_AVAILABLE);
    }
    return Optional.ofNullable(CATEGORIES.get(code));
  }

  /** True for the 1047 of a Galera node that is not in the primary component. */
  static boolean isGaleraNodeNotReady(SQLException exception) {
    String message = exception.getMessage();
    return exception.getErrorCode() == UNKNOWN_COM_ERROR && message != null && message.contains("WSREP");
  }

  private static boolean isNoWait(SQLException exception, ErrorContext context) {
    String message = exception.getMessage();
    return context.statementRequestsNoWait() || (message != null && message.contains("NOWAIT"));
  }

  private static boolean isConnectionState(String sqlState) {
    return sqlState != null && sqlState.startsWith("08");
  }
}
