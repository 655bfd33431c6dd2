package io.racefree.lab.report;

/**
 * HTML escaping for text and attribute values.
 *
 * <p>Stateless and thread-safe.
 */
final class Html {
  private Html() {}

  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A string usable as an element id. */
  static String id(String... parts) {
    return String.join("-", parts).replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
