package io.racefree.lab.report;

/**
 * ANSI colour codes, or nothing when colour is off.
 *
 * <p>Immutable and thread-safe.
 */
record Ansi(boolean enabled) {
  String bold(String text) {
    return wrap("1", text);
  }

  String dim(String text) {
    return wrap("2", text);
  }

  String red(String text) {
    return wrap("31;1", text);
  }

  String green(String text) {
    return wrap("32", text);
  }

  String yellow(String text) {
    return wrap("33", text);
  }

  private String wrap(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
