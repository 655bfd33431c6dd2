package io.racefree.internal;

import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A table as the catalog reports it: the only source of identifiers racefree puts into SQL.
 * Thread-safe; immutable but for a bounded cache of checked lookup shapes.
 */
public final class TableInfo {
  private static final int MAX_CACHED_SHAPES = 256;

  private final String schema;
  private final String name;
  private final String qualifiedSql;
  private final Map<String, ColumnInfo> columns;
  private final List<String> primaryKey;
  private final List<UniqueKey> uniqueKeys;
  private final Map<String, LookupClause.Shape> lookupShapes = new ConcurrentHashMap<>();

  public TableInfo(
      String name,
      String qualifiedSql,
      List<ColumnInfo> columns,
      List<String> primaryKey,
      List<UniqueKey> uniqueKeys) {
    this(null, name, qualifiedSql, columns, primaryKey, uniqueKeys);
  }

  /**
   * @param schema the schema (MySQL family: database) the caller named, as stored; null for the
   *     connection's current one
   */
  public TableInfo(
      String schema,
      String name,
      String qualifiedSql,
      List<ColumnInfo> columns,
      List<String> primaryKey,
      List<UniqueKey> uniqueKeys) {
    this.schema = schema;
    this.name = name;
    this.qualifiedSql = qualifiedSql;
    LinkedHashMap<String, ColumnInfo> byName = new LinkedHashMap<>();
    columns.forEach(column -> byName.put(column.name(), column));
    this.columns = byName;
    this.primaryKey = List.copyOf(primaryKey);
    this.uniqueKeys = List.copyOf(uniqueKeys);
  }

  /** The schema the caller named (MySQL family: the database), as stored, or null for the current one. */
  public String schema() {
    return schema;
  }

  /** The name to pass back to racefree for this table: {@code schema.name} or the plain name. */
  public String reference() {
    return schema == null ? name : schema + "." + name;
  }

  /** The table name exactly as stored. */
  public String name() {
    return name;
  }

  /** The quoted table name, ready for SQL. */
  public String sql() {
    return qualifiedSql;
  }

  public List<ColumnInfo> columns() {
    return List.copyOf(columns.values());
  }

  public List<String> primaryKey() {
    return primaryKey;
  }

  public List<UniqueKey> uniqueKeys() {
    return uniqueKeys;
  }

  /**
   * The column a caller means by {@code requested}: an exact match, else the only match ignoring
   * case. Unknown names fail with an error that lists the columns that exist.
   */
  public ColumnInfo column(String requested, String task, Dialect dialect) {
    if (requested == null || requested.isBlank()) {
      throw new InvalidRequestException(
          ErrorDetails.of(task, dialect.kind()), "a column name is empty", null);
    }
    ColumnInfo exact = columns.get(requested);
    if (exact != null) {
      return exact;
    }
    List<ColumnInfo> matches = new ArrayList<>();
    for (ColumnInfo column : columns.values()) {
      if (column.name().toLowerCase(Locale.ROOT).equals(requested.toLowerCase(Locale.ROOT))) {
        matches.add(column);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new InvalidRequestException(
        ErrorDetails.of(task, dialect.kind()),
        "table '" + name + "' has no column '" + requested + "'; its columns are "
            + columns.keySet() + " (racefree caches table definitions; reads, writes and upserts re-read a table once"
            + " when a name is unknown)",
        "use one of the listed column names; if the column was added since, call"
            + " Database.refreshCatalog() (or restart) so every cached table is read again",
        null);
  }

  /** Whether every name resolves to a column, as {@link #column} would resolve it. */
  public boolean hasColumns(Collection<String> names) {
    for (String requested : names) {
      if (requested == null || requested.isBlank() || columns.containsKey(requested)) {
        continue;
      }
      long matches = columns.keySet().stream().filter(name -> name.equalsIgnoreCase(requested)).count();
      if (matches != 1) {
        return false;
      }
    }
    return true;
  }

  /** The checked shape of a lookup, computed once per distinct {@code key}. */
  LookupClause.Shape lookupShape(String key, Supplier<LookupClause.Shape> compute) {
    LookupClause.Shape shape = lookupShapes.get(key);
    if (shape == null) {
      shape = compute.get(); // throws for bad input, so nothing bad is cached
      if (lookupShapes.size() < MAX_CACHED_SHAPES) {
        lookupShapes.put(key, shape);
      }
    }
    return shape;
  }

  /** The quoted column name for SQL. */
  public String columnSql(String requested, String task, Dialect dialect) {
    return dialect.quote(column(requested, task, dialect).name());
  }
}
