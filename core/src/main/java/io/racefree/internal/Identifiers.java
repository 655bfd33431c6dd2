package io.racefree.internal;

import io.racefree.dialect.DatabaseKind;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;

/**
 * The shape check every caller-provided table or column name passes before anything else happens:
 * letters, digits, {@code _} and {@code $}, not starting with a digit, at most 128 characters.
 * Names that fail are rejected before any SQL runs, so no text from a caller can reach SQL except
 * as a bound value or as a quoted name the catalog confirmed.
 */
public final class Identifiers {
  private static final int MAX_LENGTH = 128;

  private Identifiers() {}

  public static void check(String name, String what, String task, DatabaseKind database) {
    if (name == null || name.isEmpty()) {
      throw invalid(task, database, what + " name is " + (name == null ? "null" : "empty"));
    }
    if (name.length() > MAX_LENGTH) {
      throw invalid(task, database, what + " name is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = Character.isLetter(c) || c == '_' || c == '$' || (i > 0 && Character.isDigit(c));
      if (!ok) {
        throw invalid(
            task,
            database,
            what + " name '" + printable(name) + "' is not an identifier (character '"
                + printable(String.valueOf(c)) + "' at position " + i + ")");
      }
    }
  }

  /**
   * Checks a table name, plain or schema-qualified ({@code sales.account}: the MySQL family's
   * database, elsewhere the schema), each part like {@link #check}.
   *
   * @return the parts: the table alone, or the schema and the table
   */
  public static java.util.List<String> checkTable(String name, String task, DatabaseKind database) {
    if (name != null && name.indexOf('.') > 0 && name.indexOf('.') == name.lastIndexOf('.')) {
      int dot = name.indexOf('.');
      check(name.substring(0, dot), "schema", task, database);
      check(name.substring(dot + 1), "table", task, database);
      return java.util.List.of(name.substring(0, dot), name.substring(dot + 1));
    }
    check(name, "table", task, database);
    return java.util.List.of(name);
  }

  private static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  private static InvalidRequestException invalid(String task, DatabaseKind database, String problem) {
    return new InvalidRequestException(
        ErrorDetails.of(task, database),
        problem,
        "use a plain table or column name (letters, digits, _ and $); values are always bound, never"
            + " spliced into SQL",
        null);
  }
}
