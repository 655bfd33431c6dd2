package io.racefree.upsert.internal;

import io.racefree.Row;
import io.racefree.dialect.Feature;
import io.racefree.error.CommitOutcomeUnknownException;
import io.racefree.error.ConnectionLostException;
import io.racefree.error.NodeNotReadyException;
import io.racefree.error.UniqueViolationException;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.JdbcHandle;
import io.racefree.internal.Statements;
import io.racefree.internal.Statements.ColumnValues;
import io.racefree.internal.TableInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Inserts that never poison the caller's transaction: a conflict on the protecting key comes back
 * as "no row", any other constraint failure as its own exception. Only PostgreSQL needs a savepoint
 * for that (it aborts the whole transaction otherwise); MariaDB, MySQL and H2 roll a failed INSERT
 * back as a whole statement and the transaction goes on, so a savepoint there would only cost two
 * round trips. Stateless and thread-safe.
 */
final class Writes {
  private Writes() {}

  /**
   * Inserts {@code row} unless a row with the same values of {@code key} exists (or is being
   * inserted and then commits). PostgreSQL and SQLite: {@code ON CONFLICT (key) DO NOTHING
   * RETURNING *}. MariaDB, MySQL, H2: a plain INSERT, its duplicate-key error on {@code key}
   * caught; never {@code INSERT IGNORE}, which hides unrelated errors.
   */
  static Attempt insertUnlessKeyTaken(UpsertCall call, Map<String, Object> row, KeyInfo key) {
    return outcomeUnknownIfLost(call, "the insert of the new row", () -> attemptInsert(call, row, key));
  }

  /**
   * Runs one writing statement; in auto-commit it commits by itself, so a connection lost while it
   * ran may have committed it: a {@link CommitOutcomeUnknownException}, not a plain lost connection.
   */
  static <T> T outcomeUnknownIfLost(UpsertCall call, String statement, java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (ConnectionLostException lost) {
      if (call.tx().autoCommitted() && !(lost instanceof CommitOutcomeUnknownException)
          && !(lost instanceof NodeNotReadyException)) {
        throw CommitOutcomeUnknownException.ofAutoCommittedStatement(lost.details(), statement, lost);
      }
      throw lost;
    }
  }

  private static Attempt attemptInsert(UpsertCall call, Map<String, Object> row, KeyInfo key) {
    if (call.dialect().supports(Feature.ON_CONFLICT)) {
      ColumnValues values = ColumnValues.of(call.table(), row, call.dialect(), call.task());
      String sql = Statements.insertSql(call.table(), values, call.dialect())
          + " ON CONFLICT (" + quoted(call, key.columns()) + ") DO NOTHING RETURNING *";
      return new Attempt(inSavepointOnPostgres(call, handle ->
          handle.query(call.task(), sql, values.parameters()).stream().findFirst()), null);
    }
    try {
      return new Attempt(Optional.of(inSavepointOnPostgres(call, handle -> insertAndRead(handle, call, row))), null);
    } catch (UniqueViolationException violation) {
      if (Conflicts.isKeyConflict(violation, key)) {
        return new Attempt(Optional.empty(), violation);
      }
      throw violation;
    }
  }

  /**
   * One insert attempt: the inserted row, or empty when the key was taken; {@code conflict} is the
   * engine's duplicate-key error where there was one (MariaDB, MySQL, H2), kept as the cause of
   * what is thrown next.
   */
  record Attempt(Optional<Row> inserted, UniqueViolationException conflict) {}

  /** Inserts {@code row}; a constraint failure propagates without aborting the transaction. */
  static Row insert(UpsertCall call, Map<String, Object> row) {
    return inSavepointOnPostgres(call, handle -> insertAndRead(handle, call, row));
  }

  /** Applies {@code updates} to the row of {@code lookup}; returns the row as it is afterwards. */
  static Row update(UpsertCall call, Map<String, Object> lookup, Map<String, Object> updates) {
    inSavepointOnPostgres(call, handle -> handle.update(call.table().reference(), lookup, updates));
    Map<String, Object> after = new java.util.LinkedHashMap<>(lookup);
    updates.forEach((column, value) -> {
      if (after.containsKey(column)) {
        after.put(column, value);
      }
    });
    return Reads.updatedRow(call, after);
  }

  private static Row insertAndRead(JdbcHandle handle, UpsertCall call, Map<String, Object> row) {
    TableInfo table = call.table();
    Row inserted = handle.insert(table.reference(), row);
    if (!table.primaryKey().isEmpty() || call.dialect().supports(Feature.INSERT_RETURNING)) {
      return inserted;
    }
    // Without RETURNING or a primary key the core cannot read the stored row back: read it by lookup.
    return Reads.find(call, handle, call.lookup(), Reads.Mode.PLAIN).orElse(inserted);
  }

  static <T> T inSavepointOnPostgres(UpsertCall call, java.util.function.Function<JdbcHandle, T> work) {
    if (!call.dialect().supports(Feature.FAILED_STATEMENT_ABORTS_TRANSACTION) || call.tx().failedStatementEndsTheCall()) {
      return work.apply(call.tx());
    }
    return call.tx().nested(work::apply);
  }

  static String quoted(UpsertCall call, List<String> columns) {
    StringJoiner list = new StringJoiner(", ");
    columns.forEach(column -> list.add(call.dialect().quote(column)));
    return list.toString();
  }

  static List<Parameter> concat(List<Parameter> first, List<Parameter> second) {
    List<Parameter> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
