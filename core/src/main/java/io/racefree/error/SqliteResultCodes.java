package io.racefree.error;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite result codes. xerial sqlite-jdbc sets no SQLState and puts the primary result code in
 * {@link SQLException#getErrorCode()}; the extended code is only in driver API, so it is read from
 * the message, which starts with its name: {@code [SQLITE_BUSY_SNAPSHOT] ...}. Stateless and
 * thread-safe.
 *
 * @see <a href="https://www.sqlite.org/rescode.html">SQLite result codes</a>
 */
final class SqliteResultCodes {
  /** SQLITE_BUSY: the busy timeout ran out, or a lock conflict that waiting cannot solve. */
  static final int BUSY = 5;

  /** SQLITE_LOCKED: a conflict inside this connection or its shared cache; SQLite does not wait. */
  static final int LOCKED = 6;

  /** SQLITE_INTERRUPT: sqlite3_interrupt(), which the driver calls on Statement.cancel(). */
  static final int INTERRUPT = 9;

  /** SQLITE_CONSTRAINT: a constraint failed; the extended code says which kind. */
  static final int CONSTRAINT = 19;

  /** SQLITE_BUSY_RECOVERY: another connection is recovering a WAL database. */
  static final int BUSY_RECOVERY = 261;

  /** SQLITE_LOCKED_SHAREDCACHE: a table lock of another shared-cache connection. */
  static final int LOCKED_SHAREDCACHE = 262;

  /** SQLITE_CONSTRAINT_CHECK: a CHECK constraint failed. */
  static final int CONSTRAINT_CHECK = 275;

  /** SQLITE_BUSY_SNAPSHOT: WAL snapshot is stale; the read transaction can never write. */
  static final int BUSY_SNAPSHOT = 517;

  /** SQLITE_BUSY_TIMEOUT: a blocking POSIX advisory lock timed out. */
  static final int BUSY_TIMEOUT = 773;

  /** SQLITE_CONSTRAINT_FOREIGNKEY: a foreign key failed. */
  static final int CONSTRAINT_FOREIGNKEY = 787;

  /** SQLITE_CONSTRAINT_NOTNULL: a NOT NULL column got NULL. */
  static final int CONSTRAINT_NOTNULL = 1299;

  /** SQLITE_CONSTRAINT_PRIMARYKEY: a duplicate primary key. */
  static final int CONSTRAINT_PRIMARYKEY = 1555;

  /** SQLITE_CONSTRAINT_UNIQUE: a duplicate in a UNIQUE constraint or index. */
  static final int CONSTRAINT_UNIQUE = 2067;

  private static final Pattern CODE_NAME = Pattern.compile("^\\[(SQLITE_[A-Z_]+)\\]");

  private static final Map<String, Integer> CODES_BY_NAME =
      Map.ofEntries(
          Map.entry("SQLITE_BUSY", BUSY),
          Map.entry("SQLITE_LOCKED", LOCKED),
          Map.entry("SQLITE_INTERRUPT", INTERRUPT),
          Map.entry("SQLITE_CONSTRAINT", CONSTRAINT),
          Map.entry("SQLITE_BUSY_RECOVERY", BUSY_RECOVERY),
          Map.entry("SQLITE_LOCKED_SHAREDCACHE", LOCKED_SHAREDCACHE),
          Map.entry("SQLITE_CONSTRAINT_CHECK", CONSTRAINT_CHECK),
          Map.entry("SQLITE_BUSY_SNAPSHOT", BUSY_SNAPSHOT),
          Map.entry("SQLITE_BUSY_TIMEOUT", BUSY_TIMEOUT),
          Map.entry("SQLITE_CONSTRAINT_FOREIGNKEY", CONSTRAINT_FOREIGNKEY),
          Map.entry("SQLITE_CONSTRAINT_NOTNULL", CONSTRAINT_NOTNULL),
          Map.entry("SQLITE_CONSTRAINT_PRIMARYKEY", CONSTRAINT_PRIMARYKEY),
          Map.entry("SQLITE_CONSTRAINT_UNIQUE", CONSTRAINT_UNIQUE));

  private static final Map<Integer, ErrorCategory> CATEGORIES =
      Map.ofEntries(
          Map.entry(BUSY, ErrorCategory.LOCK_TIMEOUT),
          Map.entry(LOCKED, ErrorCategory.LOCK_NOT_AVAILABLE),
          Map.entry(INTERRUPT, ErrorCategory.QUERY_TIMEOUT),
          Map.entry(CONSTRAINT, ErrorCategory.CONSTRAINT_VIOLATION),
          Map.entry(BUSY_SNAPSHOT, ErrorCategory.SERIALIZATION_FAILURE),
          Map.entry(CONSTRAINT_CHECK, ErrorCategory.CHECK_VIOLATION),
          Map.entry(CONSTRAINT_FOREIGNKEY, ErrorCategory.FOREIGN_KEY_VIOLATION),
          Map.entry(CONSTRAINT_NOTNULL, ErrorCategory.NOT_NULL_VIOLATION),
          Map.entry(CONSTRAINT_PRIMARYKEY, ErrorCategory.UNIQUE_VIOLATION),
          Map.entry(CONSTRAINT_UNIQUE, ErrorCategory.UNIQUE_VIOLATION));

  private SqliteResultCodes() {}

  static Optional<ErrorCategory> categoryOf(SQLException exception) {
    int code = resultCode(exception);
    ErrorCategory exact = CATEGORIES.get(code);
    return exact != null ? Optional.of(exact) : Optional.ofNullable(CATEGORIES.get(code & 0xff));
  }

  /** The extended result code when the message names it, else the driver's error code. */
  static int resultCode(SQLException exception) {
    String message = exception.getMessage();
    if (message != null) {
      Matcher name = CODE_NAME.matcher(message);
      if (name.find() && CODES_BY_NAME.containsKey(name.group(1))) {
        return CODES_BY_NAME.get(name.group(1));
      }
    }
    return exception.getErrorCode();
  }
}
