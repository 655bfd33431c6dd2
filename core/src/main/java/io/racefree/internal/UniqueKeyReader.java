package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.dialect.IndexShape;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads primary and unique keys of one table from the JDBC catalog. Stateless. */
final class UniqueKeyReader {
  private UniqueKeyReader() {}

  static List<String> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table)
      throws SQLException {
    TreeMap<Integer, String> bySequence = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
      while (rs.next()) {
        bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(bySequence.values());
  }

  static List<UniqueKey> uniqueKeys(
      Connection connection,
      Dialect dialect,
      DatabaseMetaData meta,
      String catalog,
      String schema,
      String table,
      List<String> primaryKey)
      throws SQLException {
    Map<String, TreeMap<Integer, String>> columnsByIndex = new LinkedHashMap<>();
    Map<String, Boolean> partial = new LinkedHashMap<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, true, false)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        String column = rs.getString("COLUMN_NAME");
        String filter = rs.getString("FILTER_CONDITION");
        columnsByIndex.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), String.valueOf(column));
        boolean expressionOrFilter = column == null || (filter != null && !filter.isBlank());
        partial.merge(index, expressionOrFilter, Boolean::logicalOr);
      }
    }
    List<UniqueKey> keys = new ArrayList<>();
    if (!primaryKey.isEmpty()) {
      keys.add(new UniqueKey("PRIMARY KEY", primaryKey, true, true, false, false));
    }
    for (Map.Entry<String, TreeMap<Integer, String>> index : columnsByIndex.entrySet()) {
      IndexShape shape = dialect.indexShape(connection, schema, table, index.getKey());
      List<String> listed = List.copyOf(index.getValue().values());
      List<String> columns = shape.keyColumns() >= 0 && shape.keyColumns() < listed.size()
          ? listed.subList(0, shape.keyColumns())
          : listed;
      if (columns.equals(primaryKey)) {
        continue;
      }
      keys.add(new UniqueKey(index.getKey(), columns, false, shape.nullsNotDistinct(),
          partial.get(index.getKey()) || shape.partial(), shape.deferrable()));
    }
    return keys;
  }
}
