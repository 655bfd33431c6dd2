package io.racefree.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server version as reported by the database, e.g. {@code 10.11.19-MariaDB-0+deb12u1}.
 * Immutable and thread-safe.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number, 0 when the server does not report one
 * @param text the full version text as reported
 */
public record ServerVersion(int major, int minor, int patch, String text) {
  private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /**
   * Parses the first {@code major.minor[.patch]} in {@code text}. MySQL Connector/J reports MariaDB
   * as {@code 5.5.5-10.11.19-MariaDB}: the {@code 5.5.5-} prefix is skipped.
   *
   * @param text the version as the server reports it
   * @return the version; 0.0.0 when the text holds none
   */
  public static ServerVersion parse(String text) {
    String cleaned = text.startsWith("5.5.5-") ? text.substring("5.5.5-".length()) : text;
    Matcher matcher = NUMBERS.matcher(cleaned);
    if (!matcher.find()) {
      return new ServerVersion(0, 0, 0, text);
    }
    int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
    return new ServerVersion(
        Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, text);
  }

  /**
   * Whether this version is {@code wantMajor.wantMinor} or later.
   *
   * @param wantMajor the major version
   * @param wantMinor the minor version
   * @return true when at least that version
   */
  public boolean atLeast(int wantMajor, int wantMinor) {
    return atLeast(wantMajor, wantMinor, 0);
  }

  /**
   * Whether this version is {@code wantMajor.wantMinor.wantPatch} or later.
   *
   * @param wantMajor the major version
   * @param wantMinor the minor version
   * @param wantPatch the patch version
   * @return true when at least that version
   */
  public boolean atLeast(int wantMajor, int wantMinor, int wantPatch) {
    if (major != wantMajor) {
      return major > wantMajor;
    }
    if (minor != wantMinor) {
      return minor > wantMinor;
    }
    return patch >= wantPatch;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
