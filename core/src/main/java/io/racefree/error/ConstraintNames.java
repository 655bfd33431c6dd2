package io.racefree.error;

import io.racefree.dialect.DatabaseKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the violated constraint's name from a driver message, since the drivers expose it only
 * through their own API (if at all). Returns null when the message does not name one; a NOT NULL
 * violation names a column, not a constraint, so it yields null. Stateless and thread-safe.
 */
final class ConstraintNames {
  /** PostgreSQL: {@code ... violates unique constraint "accounts_email_key"}. */
  private static final Pattern POSTGRES = Pattern.compile("constraint \"([^\"]+)\"");

  /**
   * MySQL family, unique: {@code Duplicate entry 'x' for key 'uk_email'} (MySQL 8: 't.uk_email'),
   * in any {@code lc_messages} language ({@code Doppelter Eintrag 'x' für Schlüssel 'uk_email'}):
   * the key is the last quoted name of the whole message, whatever the value holds (newlines too).
   */
  private static final Pattern MYSQL_KEY = Pattern.compile("'([^'\\n]+)'\\s*$");

  /**
   * MariaDB FK and check: {@code CONSTRAINT `fk_parent` ...}; MySQL 8 check: {@code constraint
   * 'c'}.
   */
  private static final Pattern MYSQL_CONSTRAINT =
      Pattern.compile("(?i)constraint [`']([^`']+)[`']");

  /**
   * H2 unique: {@code violation: "PUBLIC.UK_K INDEX PUBLIC.UK_K_INDEX_5 ON ...} or the index name.
   */
  private static final Pattern H2_UNIQUE =
      Pattern.compile("violation: \"(?:[^\".\\s]+\\.)?([^\".\\s]+) ");

  /** H2 FK and check: {@code violation: "FK_P: PUBLIC.T FOREIGN KEY ...}. */
  private static final Pattern H2_NAMED = Pattern.compile("violation: \"([^\":\\s]+):");

  /**
   * SQLite: {@code (UNIQUE constraint failed: t.a, t.b)} or {@code (CHECK constraint failed: ck)}.
   */
  private static final Pattern SQLITE = Pattern.compile("constraint failed: ([^)]+)\\)");

  private ConstraintNames() {}

  private static final Set<ErrorCategory> NAMED_CONSTRAINTS =
      EnumSet.of(
          ErrorCategory.UNIQUE_VIOLATION,
          ErrorCategory.FOREIGN_KEY_VIOLATION,
          ErrorCategory.CHECK_VIOLATION,
          ErrorCategory.CONSTRAINT_VIOLATION);

  /** The constraint's name for a constraint category, else null. */
  static String of(ErrorCategory category, String message, DatabaseKind database) {
    if (message == null || database == null || !NAMED_CONSTRAINTS.contains(category)) {
      return null;
    }
    switch (database) {
      case POSTGRESQL:
        return firstGroup(POSTGRES, message);
      case MARIADB:
      case MYSQL:
        return category == ErrorCategory.UNIQUE_VIOLATION
            ? firstGroup(MYSQL_KEY, message)
            : firstGroup(MYSQL_CONSTRAINT, message);
      case H2:
        return category == ErrorCategory.UNIQUE_VIOLATION
            ? firstGroup(H2_UNIQUE, message)
            : firstGroup(H2_NAMED, message);
      case SQLITE:
        return firstGroup(SQLITE, message);
      default:
        return null;
    }
  }

  private static String firstGroup(Pattern pattern, String message) {
    Matcher matcher = pattern.matcher(message);
    return matcher.find() ? matcher.group(1).trim() : null;
  }
}
