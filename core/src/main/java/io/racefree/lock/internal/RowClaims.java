package io.racefree.lock.internal;

import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.dialect.Feature;
import io.racefree.internal.Binder.Parameter;
import io.racefree.internal.ColumnInfo;
import io.racefree.internal.JdbcTransaction;
import io.racefree.internal.LookupClause;
import io.racefree.internal.TableInfo;
import io.racefree.lock.RowLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The job-queue read: at most {@code limit} rows of a lookup, first by an order column, locked and
 * skipping rows other transactions hold ({@code ORDER BY o, pk LIMIT n FOR UPDATE SKIP LOCKED}).
 * SQLite has no row locks: a transaction that holds the write lock reads the first rows plainly,
 * and other claimers wait for that lock instead of skipping. H2, whose LIMIT comes before SKIP
 * LOCKED, locks candidate rows one at a time. Stateless. Not API.
 */
public final class RowClaims {
  private RowClaims() {}

  /** See {@link Transaction#claim}. */
  public static List<Row> claim(
      JdbcTransaction tx, String table, Map<String, ?> lookup, String orderColumn, int limit) {
    String task = "claim(" + table + ")";
    if (limit < 1) {
      throw LockSupport.invalid(tx, task, "the limit is " + limit + "; claim at least one row");
    }
    if (LockSupport.isSqlite(tx)) {
      LockSupport.requireSqliteWriteLock(tx, task);
    } else if (!tx.dialect().supports(Feature.SKIP_LOCKED)) {
      throw LockSupport.unsupported(tx, task, "has no SKIP LOCKED, so a second claimer would wait for"
          + " the first instead of taking other rows",
          "upgrade (MariaDB 10.6+, MySQL 8.0+), or serialize claimers with a named lock (tx.lock)");
    }
    TableInfo info = tx.table(table, task);
    TableLocks.checkTouchable(tx, info, task);
    ColumnInfo order = info.column(orderColumn, task, tx.dialect());
    LookupClause where = LookupClause.of(info, lookup, tx.dialect(), task);
    String lockClause = RowLockClause.render(tx, info, RowLock.forUpdate().skipLocked(), task);
    if (!LockSupport.isSqlite(tx) && !tx.dialect().supports(Feature.LIMIT_AFTER_SKIP_LOCKED)) {
      return oneRowAtATime(tx, info, where, orderBy(tx, info, order), lockClause, limit, task);
    }
    String sql = "SELECT * FROM " + info.sql() + " WHERE " + where.sql() + orderBy(tx, info, order)
        + " LIMIT " + limit + lockClause;
    return tx.query(task, sql, where.parameters());
  }

  /**
   * H2 applies LIMIT before SKIP LOCKED, so a second claimer would get nothing while the first holds
   * the first rows. Here the candidates are read plainly, a page at a time, and each is locked by
   * its primary key with SKIP LOCKED (the lookup re-checked under the lock) until {@code limit}
   * rows are held or no candidate is left.
   */
  private static List<Row> oneRowAtATime(JdbcTransaction tx, TableInfo info, LookupClause where,
      String orderBy, String lockClause, int limit, String task) {
    if (info.primaryKey().isEmpty()) {
      throw LockSupport.unsupported(tx, task, "applies LIMIT before SKIP LOCKED, and table '" + info.name()
          + "' has no primary key to lock candidate rows one at a time by", "give the table a primary key");
    }
    int page = Math.max(16, 2 * limit);
    String keys = String.join(", ", info.primaryKey().stream().map(tx.dialect()::quote).toList());
    String byKey = String.join(" AND ", info.primaryKey().stream().map(c -> tx.dialect().quote(c) + " = ?").toList());
    String lockOne = "SELECT * FROM " + info.sql() + " WHERE " + where.sql() + " AND " + byKey + lockClause;
    List<Row> claimed = new ArrayList<>();
    for (int offset = 0; claimed.size() < limit; offset += page) {
      List<Row> candidates = tx.query(task, "SELECT " + keys + " FROM " + info.sql() + " WHERE " + where.sql()
          + orderBy + " LIMIT " + page + " OFFSET " + offset, where.parameters());
      for (Row candidate : candidates) {
        if (claimed.size() == limit) {
          break;
        }
        List<Parameter> parameters = new ArrayList<>(where.parameters());
        info.primaryKey().forEach(column -> parameters.add(
            new Parameter(candidate.get(column), info.column(column, task, tx.dialect()).sqlType())));
        claimed.addAll(tx.query(task, lockOne, parameters));
      }
      if (candidates.size() < page) {
        break;
      }
    }
    return claimed;
  }

  /** {@code ORDER BY o}, then the primary key, so ties come out in one stable order. */
  private static String orderBy(JdbcTransaction tx, TableInfo info, ColumnInfo order) {
    StringBuilder sql = new StringBuilder(" ORDER BY ").append(tx.dialect().quote(order.name()));
    for (String column : info.primaryKey()) {
      if (!column.equals(order.name())) {
        sql.append(", ").append(tx.dialect().quote(column));
      }
    }
    return sql.toString();
  }
}
