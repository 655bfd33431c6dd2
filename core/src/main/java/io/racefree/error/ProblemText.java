package io.racefree.error;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The "problem" line of a racefree message: the driver's first message line, with the row values
 * that MariaDB and H2 echo cut out (bound values stay out of messages), and capped in length.
 * Stateless and thread-safe.
 */
final class ProblemText {
  private static final int MAX_LENGTH = 300;

  /**
   * MySQL family error 1062 in any {@code lc_messages} language: {@code Duplicate entry 'secret'
   * for key 'uk'}, {@code Doppelter Eintrag 'secret' für Schlüssel 'uk'}. Everything between the
   * first quote and the key's quoted name is the value, newlines included.
   */
  private static final Pattern MYSQL_DUPLICATE_VALUE =
      Pattern.compile("(?s)'.*'([^']*'[^'\\n]+'\\s*)$");

  private static final int MYSQL_DUPLICATE_ENTRY = 1062;

  /**
   * H2: the row in parentheses that starts with a comment, e.g. the key and values of a duplicate.
   */
  private static final Pattern H2_ROW_VALUES = Pattern.compile("(VALUES )?\\( /\\*.*\\)");

  /** H2 appends the statement on the next line; the first line ends with this. */
  private static final String H2_STATEMENT_SUFFIX = "; SQL statement:";

  private ProblemText() {}

  static String of(SQLException exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      return exception.getClass().getSimpleName() + " without a message";
    }
    String whole = message.strip();
    if (exception.getErrorCode() == MYSQL_DUPLICATE_ENTRY && String.valueOf(exception.getSQLState()).startsWith("23")) {
      whole = MYSQL_DUPLICATE_VALUE.matcher(whole).replaceFirst("(value hidden)$1");
    }
    String line = firstLine(whole);
    line = H2_ROW_VALUES.matcher(line).replaceAll("(values hidden)");
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end).strip();
    return line.endsWith(H2_STATEMENT_SUFFIX)
        ? line.substring(0, line.length() - H2_STATEMENT_SUFFIX.length())
        : line;
  }
}
