package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.SqlErrorTranslator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads tables from the JDBC catalog of the connection's current schema and caches them by the name
 * the caller used. Thread-safe; {@link #refresh()} forgets everything, for example after DDL.
 */
public final class Catalog {
  private static final String[] TABLE_TYPES = {"TABLE", "BASE TABLE", "PARTITIONED TABLE", "VIEW"};

  private final Dialect dialect;
  private final Map<String, TableInfo> tables = new ConcurrentHashMap<>();

  public Catalog(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The table the caller means by {@code requested}, read on {@code connection} on first use. */
  public TableInfo table(Connection connection, String requested, String task) {
    Identifiers.check(requested, "table", task, dialect.kind());
    TableInfo cached = tables.get(requested);
    if (cached != null) {
      return cached;
    }
    TableInfo read = read(connection, requested, task);
    tables.put(requested, read);
    return read;
  }

  public void refresh() {
    tables.clear();
  }

  public void refresh(String table) {
    tables.remove(table);
  }

  private TableInfo read(Connection connection, String requested, String task) {
    try {
      DatabaseMetaData meta = connection.getMetaData();
      String catalog = connection.getCatalog();
      String schema = schemaOf(connection);
      String name = resolveName(meta, catalog, schema, requested, task);
      List<ColumnInfo> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(catalog, schema, name, null)) {
        while (rs.next()) {
          columns.add(
              new ColumnInfo(
                  rs.getString("COLUMN_NAME"),
                  rs.getInt("DATA_TYPE"),
                  rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                  isYes(rs, "IS_AUTOINCREMENT") || isYes(rs, "IS_GENERATEDCOLUMN")));
        }
      }
      List<String> primaryKey = UniqueKeyReader.primaryKey(meta, catalog, schema, name);
      List<UniqueKey> uniqueKeys =
          UniqueKeyReader.uniqueKeys(connection, dialect, meta, catalog, schema, name, primaryKey);
      return new TableInfo(name, dialect.quote(name), columns, primaryKey, uniqueKeys);
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate(task + ": read catalog", null, e, dialect.kind());
    }
  }

  private String schemaOf(Connection connection) throws SQLException {
    // MySQL-family drivers treat the database as the catalog; SQLite has neither.
    return dialect.kind().isMySqlFamily() ? null : connection.getSchema();
  }

  private String resolveName(
      DatabaseMetaData meta, String catalog, String schema, String requested, String task)
      throws SQLException {
    List<String> existing = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", TABLE_TYPES)) {
      while (rs.next()) {
        existing.add(rs.getString("TABLE_NAME"));
      }
    }
    if (existing.contains(requested)) {
      return requested;
    }
    List<String> matches =
        existing.stream()
            .filter(t -> t.toLowerCase(Locale.ROOT).equals(requested.toLowerCase(Locale.ROOT)))
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new InvalidRequestException(
        ErrorDetails.of(task, dialect.kind()),
        "there is no table '" + requested + "' in " + where(catalog, schema) + "; tables: "
            + (existing.isEmpty() ? "(none)" : existing.stream().sorted().toList()),
        "use one of the listed tables, or create the table first",
        null);
  }

  private static String where(String catalog, String schema) {
    String place = schema != null ? schema : catalog;
    return place == null ? "the database" : "'" + place + "'";
  }

  private static boolean isYes(ResultSet rs, String column) {
    try {
      return "YES".equalsIgnoreCase(rs.getString(column));
    } catch (SQLException notReported) {
      return false;
    }
  }
}
