package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.TableInfo;
import io.racefree.internal.UniqueKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Finds the unique keys of a table once per catalog entry: what the core catalog reports, plus
 * what it does not read (H2's NULLS NOT DISTINCT and constraint names, MariaDB's name for the
 * primary key). Cached per {@link TableInfo} instance, so {@code Database.refreshCatalog()}
 * refreshes it too. Thread-safe.
 */
public final class KeyAnalysis {
  private static final Map<TableInfo, TableKeys> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private KeyAnalysis() {}

  public static TableKeys of(JdbcHandle handle, TableInfo table, String task) {
    TableKeys cached = CACHE.get(table);
    if (cached != null) {
      return cached;
    }
    TableKeys read = new TableKeys(table, read(handle, table, task));
    CACHE.put(table, read);
    return read;
  }

  private static List<KeyInfo> read(JdbcHandle handle, TableInfo table, String task) {
    H2Extras h2 = handle.dialect().keyDetailsOnlyInInformationSchema()
        ? H2Extras.read(handle, table, task)
        : H2Extras.NONE;
    List<KeyInfo> keys = new ArrayList<>();
    for (UniqueKey key : table.uniqueKeys()) {
      Set<String> aliases = new HashSet<>(h2.aliasesOf(key));
      if (key.primaryKey()) {
        aliases.add("PRIMARY");
      }
      boolean nullsNotDistinct = key.nullsNotDistinct() || h2.nullsNotDistinct(key);
      keys.add(new KeyInfo(key.name(), key.columns(), key.primaryKey(), nullsNotDistinct,
          !key.partial() && !key.deferrable() && !key.columns().isEmpty(), Set.copyOf(aliases)));
    }
    return List.copyOf(keys);
  }

  /** H2 INFORMATION_SCHEMA facts: NULLS_DISTINCT per index and constraint names per index. */
  private record H2Extras(Map<String, Boolean> nullsNotDistinct, Map<String, Set<String>> names) {
    static final H2Extras NONE = new H2Extras(Map.of(), Map.of());

    static H2Extras read(JdbcHandle handle, TableInfo table, String task) {
      List<Parameter> name = List.of(Parameter.untyped(table.schema()), Parameter.untyped(table.name()));
      Map<String, Boolean> nnd = new HashMap<>();
      for (Row row : handle.query(task + ": read unique keys",
          "SELECT INDEX_NAME, NULLS_DISTINCT FROM INFORMATION_SCHEMA.INDEXES"
              + " WHERE TABLE_SCHEMA = COALESCE(CAST(? AS VARCHAR), SCHEMA()) AND TABLE_NAME = ?", name)) {
        nnd.put(upper(row.getString("INDEX_NAME")), "NO".equals(row.getString("NULLS_DISTINCT")));
      }
      Map<String, Set<String>> names = new HashMap<>();
      for (Row row : handle.query(task + ": read unique keys",
          "SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME FROM"
              + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = COALESCE(CAST(? AS VARCHAR), SCHEMA())"
              + " AND TABLE_NAME = ? AND CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')", name)) {
        String index = upper(row.getString("INDEX_NAME"));
        Set<String> aliases = Set.of(upper(row.getString("CONSTRAINT_NAME")), index);
        names.put(index, aliases);
        if ("PRIMARY KEY".equals(row.getString("CONSTRAINT_TYPE"))) {
          names.put("PRIMARY KEY", aliases);
          nnd.put("PRIMARY KEY", true);
        }
      }
      return new H2Extras(nnd, names);
    }

    Set<String> aliasesOf(UniqueKey key) {
      return names.getOrDefault(upper(key.name()), Set.of());
    }

    boolean nullsNotDistinct(UniqueKey key) {
      return nullsNotDistinct.getOrDefault(upper(key.name()), false);
    }

    private static String upper(String text) {
      return text == null ? "" : text.toUpperCase(Locale.ROOT);
    }
  }
}
