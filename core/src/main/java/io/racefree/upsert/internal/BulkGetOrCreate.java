package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.error.UniqueViolationException;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.LookupClause;
import io.racefree.internal.Statements;
import io.racefree.internal.Statements.ColumnValues;
import io.racefree.upsert.GetOrCreateResult;
import io.racefree.upsert.UpsertOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * get-or-create for many lookups. Per chunk: one SELECT of the rows that exist; then one multi-row
 * insert of the missing ones: {@code INSERT ... ON CONFLICT (key) DO NOTHING RETURNING *} on
 * PostgreSQL and SQLite; elsewhere a plain multi-row INSERT (with RETURNING where the engine has it,
 * else followed by one SELECT), which a concurrently taken key rolls back whole.
 * Whatever is still unsettled (a concurrent creator won, a value reads back in another form, or no
 * key covers the lookups) goes through the single-row algorithm, which settles it with the right
 * row or the right error; a row it finds that this call's insert returned counts as created.
 * Lookups are taken in one canonical order (sorted by their values), whatever the caller's order,
 * so two calls with the same lookups in opposite orders cannot deadlock.
 * Stateless and thread-safe.
 */
public final class BulkGetOrCreate {
  /** Rows per statement: well under every engine's limit on bound parameters for a few columns. */
  static final int CHUNK = 1000;

  private BulkGetOrCreate() {}

  public static List<GetOrCreateResult> run(JdbcTransaction tx, String table,
      List<? extends Map<String, ?>> lookups, Map<String, ?> defaults, UpsertOptions options) {
    if (lookups == null) {
      throw UpsertCall.invalid(tx.dialect(), "getOrCreateAll(" + table + ")", "the lookups are null",
          "pass a list of lookups");
    }
    Map<String, Pending> distinct = new LinkedHashMap<>();
    List<Pending> inOrder = new ArrayList<>();
    for (Map<String, ?> lookup : lookups) {
      UpsertCall call = UpsertCall.prepare(tx, "getOrCreateAll", table, lookup, options);
      Pending pending = new Pending(call, call.checkedValues(defaults, "defaults"));
      inOrder.add(distinct.computeIfAbsent(identity(call.lookup()), key -> pending));
    }
    List<Pending> unique = new ArrayList<>(distinct.values());
    unique.sort(java.util.Comparator.comparing(pending -> identity(pending.call.lookup())));
    for (int start = 0; start < unique.size(); start += CHUNK) {
      settle(unique.subList(start, Math.min(unique.size(), start + CHUNK)));
    }
    List<GetOrCreateResult> results = new ArrayList<>();
    java.util.Set<Pending> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Pending pending : inOrder) {
      boolean first = reported.add(pending);
      results.add(first ? pending.result : new GetOrCreateResult(pending.result.row(), false));
    }
    return results;
  }

  private static void settle(List<Pending> chunk) {
    matchRows(chunk, readExisting(chunk), false);
    List<Pending> missing = unsettled(chunk);
    Set<Row> inserted = Set.of();
    if (!missing.isEmpty() && canInsertTogether(missing)) {
      List<Row> rows = insertTogether(missing);
      inserted = new HashSet<>(rows);
      matchRows(missing, rows, true).forEach(inserted::remove);
    }
    for (Pending pending : unsettled(chunk)) {
      GetOrCreateResult result = GetOrCreateRun.run(pending.call, pending.defaults);
      pending.result = inserted.remove(result.row()) ? new GetOrCreateResult(result.row(), true) : result;
    }
  }

  /**
   * One SELECT for the whole chunk. Lookups of the same shape without NULLs become one {@code IN}
   * list ({@code (a, b) IN ((?, ?), ...)} for several columns): a chain of a thousand ORs exceeds
   * SQLite's expression depth. A lookup with a NULL keeps its own {@code IS NULL} condition.
   */
  private static List<Row> readExisting(List<Pending> chunk) {
    UpsertCall first = chunk.get(0).call;
    Map<String, List<LookupClause>> byShape = new LinkedHashMap<>();
    for (Pending pending : chunk) {
      LookupClause where = LookupClause.of(first.table(), pending.call.lookup(), first.dialect(), first.task());
      byShape.computeIfAbsent(where.sql(), shape -> new ArrayList<>()).add(where);
    }
    List<String> conditions = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    for (List<LookupClause> shape : byShape.values()) {
      LookupClause sample = shape.get(0);
      if (sample.parameters().size() < sample.columns().size()) {
        shape.forEach(where -> conditions.add("(" + where.sql() + ")"));
      } else {
        conditions.add(inList(first, sample, shape.size()));
      }
      shape.forEach(where -> parameters.addAll(where.parameters()));
    }
    String sql = "SELECT * FROM " + first.table().sql() + " WHERE " + String.join(" OR ", conditions);
    return first.tx().query(first.task(), sql, parameters);
  }

  private static String inList(UpsertCall call, LookupClause sample, int rows) {
    int width = sample.columns().size();
    String tuple = width == 1 ? "?" : "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
    String columns = Writes.quoted(call, sample.columns());
    return (width == 1 ? columns : "(" + columns + ")") + " IN ("
        + String.join(", ", java.util.Collections.nCopies(rows, tuple)) + ")";
  }

  /** One statement needs one key and one column list for every row. */
  private static boolean canInsertTogether(List<Pending> missing) {
    UpsertCall first = missing.get(0).call;
    if (first.key().isEmpty()) {
      return false;
    }
    return missing.stream().allMatch(p -> p.call.key().equals(first.key())
        && p.call.lookup().keySet().equals(first.lookup().keySet()));
  }

  private static List<Row> insertTogether(List<Pending> missing) {
    UpsertCall first = missing.get(0).call;
    List<Parameter> parameters = new ArrayList<>();
    String rowPlaceholders = null;
    ColumnValues columns = null;
    for (Pending pending : missing) {
      ColumnValues values = ColumnValues.of(first.table(),
          pending.call.rowToCreate(pending.defaults), first.dialect(), first.task());
      columns = columns == null ? values : columns;
      rowPlaceholders = "(" + values.placeholders() + ")";
      parameters.addAll(values.parameters());
    }
    String sql = Statements.insertSql(first.table(), columns, first.dialect())
        + (", " + rowPlaceholders).repeat(missing.size() - 1);
    if (first.dialect().supports(Feature.ON_CONFLICT)) {
      String upsert = sql + " ON CONFLICT (" + Writes.quoted(first, first.key().orElseThrow().columns())
          + ") DO NOTHING RETURNING *";
      return Writes.inSavepointOnPostgres(first, handle -> handle.query(first.task(), upsert, parameters));
    }
    return insertAllOrNone(missing, sql, parameters);
  }

  /**
   * The multi-row INSERT where no ON CONFLICT exists (MariaDB, MySQL, H2): all rows or, if any key
   * was taken meanwhile, none (these engines roll a failed statement back whole and the transaction
   * goes on), leaving every row to the single-row algorithm.
   */
  private static List<Row> insertAllOrNone(List<Pending> missing, String sql, List<Parameter> parameters) {
    UpsertCall first = missing.get(0).call;
    boolean returning = first.dialect().supports(Feature.INSERT_RETURNING);
    try {
      if (returning) {
        return first.tx().query(first.task(), sql + " RETURNING *", parameters);
      }
      first.tx().update(first.task(), sql, parameters);
      return readExisting(missing);
    } catch (UniqueViolationException takenMeanwhile) {
      return List.of();
    }
  }

  /** Settles the pendings whose lookup reads back unchanged in {@code rows}; returns the rows used. */
  private static List<Row> matchRows(List<Pending> pendings, List<Row> rows, boolean created) {
    Map<String, Row> byIdentity = new LinkedHashMap<>();
    List<String> columns = List.copyOf(pendings.get(0).call.lookup().keySet());
    for (Row row : rows) {
      Map<String, Object> values = new LinkedHashMap<>();
      columns.forEach(column -> values.put(column, row.get(column)));
      byIdentity.put(identity(values), row);
    }
    List<Row> used = new ArrayList<>();
    for (Pending pending : pendings) {
      Row row = byIdentity.get(identity(pending.call.lookup()));
      if (row != null) {
        pending.result = new GetOrCreateResult(row, created);
        used.add(row);
      }
    }
    return used;
  }

  private static List<Pending> unsettled(List<Pending> chunk) {
    return chunk.stream().filter(p -> p.result == null).toList();
  }

  private static String identity(Map<String, Object> lookup) {
    StringBuilder text = new StringBuilder();
    new java.util.TreeMap<>(lookup).forEach((column, value) ->
        text.append(column).append('=').append(Values.canonical(value, false)).append('\u0001'));
    return text.toString();
  }

  /** One distinct lookup and, once settled, its result. */
  private static final class Pending {
    final UpsertCall call;
    final Map<String, Object> defaults;
    GetOrCreateResult result;

    Pending(UpsertCall call, Map<String, Object> defaults) {
      this.call = call;
      this.defaults = defaults;
    }
  }
}
