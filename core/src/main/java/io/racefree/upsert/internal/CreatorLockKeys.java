package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.NamedLockKind;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.TableInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * The key of a creator lock, as SQL the server evaluates, so that two lookups get the same key
 * exactly when the table's columns compare their values equal (or, where the engine offers no such
 * key, a coarser one that only makes more creators wait).
 *
 * <ul>
 *   <li>PostgreSQL: {@code hash_record_extended} over the values cast to each column's type and
 *       collation. A type's hash agrees with its equality (that is what hash joins rely on), also
 *       for nondeterministic ICU collations, citext, numeric scale and char padding. Where a column
 *       type has no hash function (or before PostgreSQL 14) the key is the table: one creator per
 *       table at a time.
 *   <li>MariaDB/MySQL: the SHA-256 of each string value's {@code WEIGHT_STRING} in the column's
 *       character set and collation (trailing spaces dropped where the collation ignores them);
 *       other values by their canonical text (numbers by value).
 * </ul>
 *
 * The column facts are read once per catalog entry. Thread-safe.
 */
final class CreatorLockKeys {
  /** Server-side SQL for the key and the values it binds. */
  record Key(String sql, List<Parameter> parameters) {}

  /** How one column compares: the type and collation to cast to, and whether values can be hashed. */
  private record Column(String typeSql, String collationSql, String charsetSql, boolean padSpace,
      boolean hashable) {}

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Map<TableInfo, Map<String, Column>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private CreatorLockKeys() {}

  static Key of(UpsertCall call) {
    Map<String, Column> columns = columns(call);
    Map<String, Object> sorted = new TreeMap<>(call.lookup());
    String table = "rf:" + call.table().sql();
    return call.dialect().namedLocks() == NamedLockKind.ADVISORY
        ? postgres(call, table, sorted, columns)
        : mySql(table, sorted, columns);
  }

  private static Key postgres(UpsertCall call, String table, Map<String, Object> lookup,
      Map<String, Column> columns) {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(Parameter.untyped(table));
    boolean hashable = call.dialect().version().atLeast(14, 0)
        && lookup.keySet().stream().allMatch(c -> columns.containsKey(c) && columns.get(c).hashable());
    if (!hashable) {
      return new Key("hashtextextended(?, 0)", parameters);
    }
    List<String> fields = new ArrayList<>();
    lookup.forEach((name, value) -> {
      Column column = columns.get(name);
      fields.add("CAST(? AS " + column.typeSql() + ")"
          + (column.collationSql() == null ? "" : " COLLATE " + column.collationSql()));
      parameters.add(Parameter.untyped(value));
    });
    return new Key("hashtextextended(?, hash_record_extended(ROW(" + String.join(", ", fields) + "), 0))",
        parameters);
  }

  private static Key mySql(String table, Map<String, Object> lookup, Map<String, Column> columns) {
    List<Parameter> parameters = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    parts.add("?");
    parameters.add(Parameter.untyped(table));
    lookup.forEach((name, value) -> {
      parts.add("?");
      parameters.add(Parameter.untyped(name));
      Column column = columns.get(name);
      if (value == null) {
        parts.add("'N'");
      } else if (column != null && !(value instanceof byte[])) {
        String converted = "CONVERT(? USING " + column.charsetSql() + ")";
        parts.add("CONCAT('W', HEX(WEIGHT_STRING(" + (column.padSpace() ? "RTRIM(" + converted + ")" : converted)
            + " COLLATE " + column.collationSql() + ")))");
        parameters.add(Parameter.untyped(value));
      } else {
        parts.add("CONCAT('V', ?)");
        parameters.add(Parameter.untyped(Values.canonical(value, false)));
      }
    });
    return new Key("CONCAT('rf:', LEFT(SHA2(CONCAT_WS(0x1f, " + String.join(", ", parts) + "), 256), 40))",
        parameters);
  }

  private static Map<String, Column> columns(UpsertCall call) {
    Map<String, Column> cached = CACHE.get(call.table());
    if (cached != null) {
      return cached;
    }
    Map<String, Column> read = call.dialect().namedLocks() == NamedLockKind.ADVISORY
        ? readPostgres(call.tx(), call.table(), call.task())
        : readMySql(call.tx(), call.table(), call.task());
    CACHE.put(call.table(), read);
    return read;
  }

  private static Map<String, Column> readPostgres(JdbcHandle handle, TableInfo table, String task) {
    String base = "COALESCE(NULLIF(t.typbasetype, 0), t.oid)";
    String sql = "SELECT a.attname AS name,"
        + " quote_ident(bn.nspname) || '.' || quote_ident(b.typname) AS type,"
        + " CASE WHEN a.attcollation <> 0 THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname)"
        + " END AS collation,"
        + " EXISTS (SELECT 1 FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod"
        + "   WHERE am.amname = 'hash' AND oc.opcdefault AND (oc.opcintype = b.oid OR EXISTS ("
        + "     SELECT 1 FROM pg_cast pc WHERE pc.castsource = b.oid AND pc.casttarget = oc.opcintype"
        + "     AND pc.castmethod = 'b'))) AS hashable"
        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
        + " JOIN pg_type b ON b.oid = " + base + " JOIN pg_namespace bn ON bn.oid = b.typnamespace"
        + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
        + " LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
        + " WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped";
    Map<String, Column> columns = new HashMap<>();
    for (Row row : handle.query(task + ": read column types", sql, List.of(Parameter.untyped(table.sql())))) {
      columns.put(row.getString("name"), new Column(row.getString("type"), row.getString("collation"),
          null, false, Boolean.TRUE.equals(row.get("hashable"))));
    }
    return columns;
  }

  private static Map<String, Column> readMySql(JdbcHandle handle, TableInfo table, String task) {
    String sql = "SELECT COLUMN_NAME AS name, CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation"
        + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
        + " AND TABLE_NAME = ? AND COLLATION_NAME IS NOT NULL";
    Map<String, Column> columns = new HashMap<>();
    Map<String, Boolean> padSpace = new HashMap<>();
    List<Parameter> where = List.of(Parameter.untyped(table.schema()), Parameter.untyped(table.name()));
    for (Row row : handle.query(task + ": read column collations", sql, where)) {
      String charset = row.getString("charset");
      String collation = row.getString("collation");
      if (!PLAIN_NAME.matcher(charset).matches() || !PLAIN_NAME.matcher(collation).matches()) {
        continue; // not a name this code can put into SQL: the value's canonical text is used
      }
      boolean pads = padSpace.computeIfAbsent(collation, c -> padsSpaces(handle, charset, c, task));
      columns.put(row.getString("name"), new Column(null, collation, charset, pads, true));
    }
    return columns;
  }

  /** Asks the server whether the collation ignores trailing spaces (PAD SPACE). */
  private static boolean padsSpaces(JdbcHandle handle, String charset, String collation, String task) {
    String sql = "SELECT CONVERT('a' USING " + charset + ") COLLATE " + collation
        + " = CONVERT('a ' USING " + charset + ") COLLATE " + collation + " AS pads";
    Object pads = handle.query(task + ": read collation", sql, List.of()).get(0).get("pads");
    return pads instanceof Number number ? number.intValue() == 1 : Boolean.TRUE.equals(pads);
  }
}
