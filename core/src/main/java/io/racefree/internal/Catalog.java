package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.SqlErrorTranslator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads tables from the JDBC catalog and caches them by the name the caller used and, on the MySQL
 * family, the database the connection uses. A plain name is looked up in the connection's current
 * schema (MySQL family: its current database, asked of the server, so a driver that reports the
 * database as a schema, Connector/J with {@code databaseTerm=SCHEMA}, reads the same table), and
 * only there; {@code schema.table} names another one. Thread-safe; {@link #refresh()} forgets
 * everything, for example after DDL.
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
    List<String> parts = Identifiers.checkTable(requested, task, dialect.kind());
    try {
      String key = cacheKey(connection, requested);
      TableInfo cached = tables.get(key);
      if (cached != null) {
        return cached;
      }
      TableInfo read = read(connection, parts, task);
      tables.put(key, read);
      return read;
    } catch (SQLException e) {
      throw SqlErrorTranslator.translate(task + ": read catalog", null, e, dialect.kind());
    }
  }

  public void refresh() {
    tables.clear();
  }

  public void refresh(String table) {
    tables.keySet().removeIf(key -> key.endsWith("\0" + table));
  }

  /**
   * The MySQL-family drivers know the current database without asking the server; elsewhere the
   * current schema is fixed by the connection's settings and a call would cost a round trip.
   */
  private String cacheKey(Connection connection, String requested) throws SQLException {
    if (!dialect.catalogIsDatabase() || requested.indexOf('.') > 0) {
      return "\0" + requested;
    }
    String database = connection.getCatalog() != null ? connection.getCatalog() : connection.getSchema();
    return database + "\0" + requested;
  }

  private TableInfo read(Connection connection, List<String> parts, String task) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String requested = String.join(".", parts);
    String place = parts.size() == 2
        ? resolveSchema(connection, meta, parts.get(0), task)
        : currentPlace(connection);
    String catalog = dialect.catalogIsDatabase() ? place : connection.getCatalog();
    String schema = place;
    String name = resolveName(meta, catalog, schema, parts.get(parts.size() - 1), requested, task);
    List<ColumnInfo> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, name, null)) {
      while (rs.next()) {
        if (!inPlace(rs, place)) {
          continue;
        }
        columns.add(
            new ColumnInfo(
                rs.getString("COLUMN_NAME"),
                rs.getInt("DATA_TYPE"),
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                isYes(rs, "IS_AUTOINCREMENT") || isYes(rs, "IS_GENERATEDCOLUMN"),
                isYes(rs, "IS_GENERATEDCOLUMN") && !isYes(rs, "IS_AUTOINCREMENT")));
      }
    }
    List<String> primaryKey = UniqueKeyReader.primaryKey(meta, catalog, schema, name);
    List<UniqueKey> uniqueKeys =
        UniqueKeyReader.uniqueKeys(connection, dialect, meta, catalog, schema, name, primaryKey);
    String qualified = parts.size() == 2 ? dialect.quote(place) + "." + dialect.quote(name) : dialect.quote(name);
    return new TableInfo(parts.size() == 2 ? place : null, name, qualified, columns, primaryKey, uniqueKeys);
  }

  /**
   * The schema (MySQL family: database) a plain name lives in. MySQL-family drivers treat the
   * database as the catalog or, configured so, as the schema; the server says which one is current.
   * SQLite has neither.
   */
  private String currentPlace(Connection connection) throws SQLException {
    if (!dialect.catalogIsDatabase()) {
      return connection.getSchema();
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** A catalog row belongs to {@code place} (or the driver reports no place at all). */
  private boolean inPlace(ResultSet rs, String place) throws SQLException {
    if (place == null || !dialect.catalogIsDatabase()) {
      return true;
    }
    String cat = rs.getString(1);
    String schem = rs.getString(2);
    return (cat == null && schem == null) || place.equals(cat) || place.equals(schem);
  }

  private String resolveSchema(Connection connection, DatabaseMetaData meta, String requested, String task)
      throws SQLException {
    if (!dialect.hasSchemas()) {
      throw new InvalidRequestException(ErrorDetails.of(task, dialect.kind()),
          "schema-qualified table names are not supported on " + dialect.kind().displayName()
              + " ('" + requested + ".')",
          "use the plain table name", null);
    }
    List<String> existing = new ArrayList<>();
    try (ResultSet rs = dialect.catalogIsDatabase() ? meta.getCatalogs() : meta.getSchemas()) {
      while (rs.next()) {
        existing.add(rs.getString(1));
      }
    }
    if (dialect.catalogIsDatabase() && existing.isEmpty()) {
      try (ResultSet rs = meta.getSchemas()) {
        while (rs.next()) {
          existing.add(rs.getString(1));
        }
      }
    }
    return exactOrOnlyIgnoringCase(existing, requested, task, "schema", "the server");
  }

  private String resolveName(DatabaseMetaData meta, String catalog, String schema, String requested,
      String shown, String task) throws SQLException {
    List<String> existing = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", TABLE_TYPES)) {
      while (rs.next()) {
        if (inPlace(rs, schema)) {
          existing.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return exactOrOnlyIgnoringCase(existing, requested, task, "table '" + shown + "'",
        where(catalog, schema));
  }

  private String exactOrOnlyIgnoringCase(List<String> existing, String requested, String task,
      String what, String where) {
    if (existing.contains(requested)) {
      return requested;
    }
    List<String> matches = existing.stream()
        .filter(t -> t.toLowerCase(Locale.ROOT).equals(requested.toLowerCase(Locale.ROOT)))
        .distinct()
        .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new InvalidRequestException(
        ErrorDetails.of(task, dialect.kind()),
        "there is no " + (what.startsWith("table") ? what : what + " '" + requested + "'") + " in "
            + where + "; " + (what.startsWith("table") ? "tables" : what + "s") + ": "
            + (existing.isEmpty() ? "(none)" : existing.stream().distinct().sorted().toList()),
        "use one of the listed names, or create it first",
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
