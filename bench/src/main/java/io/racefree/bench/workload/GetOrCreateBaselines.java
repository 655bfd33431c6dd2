package io.racefree.bench.workload;

import io.racefree.bench.fixture.BenchDatabase;
import io.racefree.bench.fixture.Jdbc;
import io.racefree.bench.fixture.NativeSql;
import io.racefree.bench.fixture.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hand-written get-or-create, the way people write it: the floor (one statement), the naive
 * pattern, and the usual fixes. Each returns whether it created the row. Stateless.
 */
final class GetOrCreateBaselines {
  private GetOrCreateBaselines() {}

  /** Hot rows: a plain SELECT, auto-commit. Only valid when the row exists. */
  static KeyedCall floorSelect(BenchDatabase database) {
    DataSource dataSource = database.dataSource();
    return (key, tally) -> {
      long id = Jdbc.autoCommit(dataSource, connection -> ItemSql.find(connection, key, ""));
      if (id < 0) {
        throw new SQLException("hot row " + key + " is missing");
      }
      return null;
    };
  }

  /** The native upsert that returns the row, auto-commit; cannot tell whether it inserted. */
  static KeyedCall floorUpsert(BenchDatabase database) {
    DataSource dataSource = database.dataSource();
    String sql = NativeSql.getOrCreateUpsert(database.engine());
    return (key, tally) -> {
      Jdbc.autoCommit(dataSource, connection -> ItemSql.upsert(connection, sql, key));
      return null;
    };
  }

  /**
   * get, create, catch the duplicate, get again: in one transaction at the default isolation, as
   * a transactional service method does. Breaks on PostgreSQL (the failed INSERT aborts the
   * transaction) and MariaDB (REPEATABLE READ hides the other's row).
   */
  static KeyedCall naive(BenchDatabase database) {
    DataSource dataSource = database.dataSource();
    return (key, tally) -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION, connection -> {
      if (ItemSql.find(connection, key, "") >= 0) {
        return false;
      }
      try {
        ItemSql.insert(connection, key, 0);
        return true;
      } catch (SQLException e) {
        if (!SqlErrors.isDuplicateKey(e) || ItemSql.find(connection, key, "") < 0) {
          throw e;
        }
        return false;
      }
    });
  }

  /** Lock the table first, then get and create: correct, and every creator waits for every other. */
  static KeyedCall tableLock(BenchDatabase database) {
    DataSource dataSource = database.dataSource();
    String lock = NativeSql.lockTable(database.engine(), "item");
    boolean unlockAfter = NativeSql.needsUnlockTables(database.engine());
    return (key, tally) -> Jdbc.autoCommit(dataSource, connection -> {
      connection.setAutoCommit(false);
      try {
        ItemSql.execute(connection, lock);
        boolean created = findOrInsert(connection, key, "");
        connection.commit();
        return created;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        if (unlockAfter) {
          ItemSql.execute(connection, "UNLOCK TABLES");
        }
      }
    });
  }

  /** get and create at SERIALIZABLE, retrying serialization failures, deadlocks and duplicates. */
  static KeyedCall serializable(BenchDatabase database) {
    DataSource dataSource = database.dataSource();
    return (key, tally) -> Jdbc.retrying(tally, e -> SqlErrors.isTransient(e) || SqlErrors.isDuplicateKey(e),
        () -> Jdbc.inTransaction(dataSource, Connection.TRANSACTION_SERIALIZABLE,
            connection -> findOrInsert(connection, key, "")));
  }

  /** SELECT ... FOR UPDATE then create, retrying the duplicate (a missing row locks nothing) and deadlocks. */
  static KeyedCall selectForUpdate(BenchDatabase database) {
    DataSource dataSource = database.dataSource();
    return (key, tally) -> Jdbc.retrying(tally, e -> SqlErrors.isTransient(e) || SqlErrors.isDuplicateKey(e),
        () -> Jdbc.inTransaction(dataSource, Jdbc.DEFAULT_ISOLATION,
            connection -> findOrInsert(connection, key, " FOR UPDATE")));
  }

  private static boolean findOrInsert(Connection connection, String key, String suffix) throws SQLException {
    if (ItemSql.find(connection, key, suffix) >= 0) {
      return false;
    }
    ItemSql.insert(connection, key, 0);
    return true;
  }
}
