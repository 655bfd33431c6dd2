package io.racefree.bench.report;

import java.util.Collection;
import java.util.Map;

/** Writes maps, collections, strings, numbers and booleans as JSON. Stateless. */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, map, indent);
    } else if (value instanceof Collection<?> items) {
      writeList(out, items, indent);
    } else if (value instanceof Double number) {
      out.append(number.isNaN() || number.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.3f", number));
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      writeString(out, value.toString());
    }
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, int indent) {
    out.append('{');
    String separator = "\n";
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(separator).append("  ".repeat(indent + 1));
      writeString(out, String.valueOf(entry.getKey()));
      out.append(": ");
      write(out, entry.getValue(), indent + 1);
      separator = ",\n";
    }
    out.append(map.isEmpty() ? "" : "\n" + "  ".repeat(indent)).append('}');
  }

  private static void writeList(StringBuilder out, Collection<?> items, int indent) {
    out.append('[');
    String separator = "\n";
    for (Object item : items) {
      out.append(separator).append("  ".repeat(indent + 1));
      write(out, item, indent + 1);
      separator = ",\n";
    }
    out.append(items.isEmpty() ? "" : "\n" + "  ".repeat(indent)).append(']');
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    out.append('"');
  }
}
