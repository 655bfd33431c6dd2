package io.racefree.upsert.internal;

import io.racefree.dialect.DatabaseKind;
import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.TableInfo;
import io.racefree.upsert.UpsertOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One checked get-or-create or update-or-create call: the transaction, the table, the lookup with
 * column names as stored, and the key that protects it (if any). Everything here is validated
 * before any row is read or written. Not thread-safe (belongs to the calling thread).
 */
public final class UpsertCall {
  private final JdbcTransaction tx;
  private final TableKeys keys;
  private final String task;
  private final Map<String, Object> lookup;
  private final Optional<KeyInfo> key;
  private final UpsertOptions options;

  private UpsertCall(JdbcTransaction tx, TableKeys keys, String task, Map<String, Object> lookup,
      UpsertOptions options) {
    this.tx = tx;
    this.keys = keys;
    this.task = task;
    this.lookup = lookup;
    this.key = keys.coveringKey(lookup);
    this.options = options;
  }

  /** Checks the table and the lookup (non-empty, known columns, plain values). */
  public static UpsertCall prepare(JdbcTransaction tx, String operation, String table,
      Map<String, ?> lookup, UpsertOptions options) {
    String task = operation + "(" + table + ")";
    TableInfo info = tx.table(table, task, lookup == null ? null : lookup.keySet());
    TableKeys keys = KeyAnalysis.of(tx, info, task);
    Map<String, Object> resolved = resolveLookup(tx.dialect(), info, lookup, task);
    return new UpsertCall(tx, keys, task, resolved, options == null ? UpsertOptions.defaults() : options);
  }

  static Map<String, Object> resolveLookup(Dialect dialect, TableInfo table,
      Map<String, ?> lookup, String task) {
    if (lookup == null || lookup.isEmpty()) {
      throw invalid(dialect, task, "the lookup is " + (lookup == null ? "null" : "empty")
          + ", so any row of '" + table.name() + "' would match",
          "name the columns that identify the row");
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : lookup.entrySet()) {
      String column = table.column(entry.getKey(), task, dialect).name();
      if (entry.getValue() instanceof Supplier<?>) {
        throw invalid(dialect, task, "the lookup value of '" + column + "' is a Supplier",
            "suppliers belong in the defaults; the lookup needs plain values");
      }
      if (resolved.containsKey(column)) {
        throw invalid(dialect, task, "the lookup names column '" + column + "' twice", null);
      }
      resolved.put(column, entry.getValue());
    }
    return resolved;
  }

  /**
   * Column values to write besides the lookup, names resolved, suppliers left unresolved. A value
   * for a lookup column must equal the lookup's value (it is then dropped).
   */
  public Map<String, Object> checkedValues(Map<String, ?> values, String what) {
    Map<String, Object> checked = new LinkedHashMap<>();
    if (values == null) {
      return checked;
    }
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      String column = writableColumn(entry.getKey(), what);
      if (entry.getValue() instanceof io.racefree.lock.Assignments
          || entry.getValue() instanceof io.racefree.lock.Assignments.Assignment) {
        throw invalid(dialect(), task, "the " + what + " give column '" + column + "' an Assignments"
            + " object as its value", "pass the Assignments itself as the updates:"
            + " updateOrCreate(table, lookup, Assignments.add(\"" + column + "\", 1), createDefaults)");
      }
      if (checked.containsKey(column)) {
        throw invalid(dialect(), task, "the " + what + " name column '" + column + "' twice", null);
      }
      if (lookup.containsKey(column)) {
        if (entry.getValue() instanceof Supplier<?>
            || !Values.same(entry.getValue(), lookup.get(column))) {
          throw invalid(dialect(), task, "the " + what + " set column '" + column
              + "', which the lookup also sets, to a different value",
              "drop '" + column + "' from the " + what + ", or change the lookup");
        }
        continue;
      }
      checked.put(column, entry.getValue());
    }
    return checked;
  }

  /**
   * The stored name of a column the {@code what} write to; a generated column is refused before any
   * SQL (MariaDB in non-strict mode would drop the value silently, the others fail untyped).
   */
  String writableColumn(String requested, String what) {
    io.racefree.internal.ColumnInfo column = table().column(requested, task, dialect());
    if (column.computed()) {
      throw invalid(dialect(), task, "the " + what + " write to column '" + column.name()
          + "', which the database computes (a generated column)",
          "drop '" + column.name() + "' from the " + what + "; the database sets it from the other columns");
    }
    return column.name();
  }

  /** The lookup plus {@code values}, with every supplier called once. */
  public Map<String, Object> rowToCreate(Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>(lookup);
    values.forEach((column, value) -> row.put(column, Values.resolve(value)));
    return row;
  }

  static InvalidRequestException invalid(Dialect dialect, String task, String problem, String advice) {
    return new InvalidRequestException(ErrorDetails.of(task, dialect.kind()), problem,
        advice == null ? "fix the call; nothing was written" : advice + "; nothing was written", null);
  }

  public JdbcTransaction tx() {
    return tx;
  }

  public TableInfo table() {
    return keys.table();
  }

  public TableKeys keys() {
    return keys;
  }

  public String task() {
    return task;
  }

  public Map<String, Object> lookup() {
    return lookup;
  }

  public Optional<KeyInfo> key() {
    return key;
  }

  public UpsertOptions options() {
    return options;
  }

  public Dialect dialect() {
    return tx.dialect();
  }

  public DatabaseKind kind() {
    return tx.dialect().kind();
  }

  public ErrorDetails details() {
    return ErrorDetails.of(task, kind());
  }

  /**
   * True when a row committed after this transaction's snapshot stays invisible even to locking
   * reads: PostgreSQL and H2 at REPEATABLE READ or SERIALIZABLE. Never in auto-commit, where each
   * statement takes a new snapshot.
   */
  public boolean snapshotHidesNewRows() {
    return !tx.autoCommitted() && dialect().snapshotHidesNewerRows(tx.isolation());
  }
}
