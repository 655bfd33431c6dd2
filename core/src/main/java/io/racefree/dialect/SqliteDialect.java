package io.racefree.dialect;

import static io.racefree.dialect.Feature.*;

import io.racefree.tx.Isolation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * SQLite. One writer for the whole database; every transaction is SERIALIZABLE whatever level is
 * asked for (https://www.sqlite.org/isolation.html), which the SQL standard allows. racefree begins
 * transactions with SQL ({@code BEGIN} or {@code BEGIN IMMEDIATE}) because the driver's {@code
 * setAutoCommit(false)} can only issue a deferred {@code BEGIN}. No row locks: a locking read inside
 * a transaction that holds the write lock is already exclusive. RETURNING and upsert since 3.35.
 *
 * <p>Immutable and thread-safe.
 */
public final class SqliteDialect extends Dialect {
  /**
   * The dialect of SQLite at {@code version}.
   *
   * @param version the server version
   */
  public SqliteDialect(ServerVersion version) {
    super(version);
  }

  @Override
  protected void declareFeatures(Set<Feature> into, ServerVersion version) {
    into.addAll(Set.of(SAVEPOINTS, SINGLE_WRITER, TABLE_LOCK, READ_ONLY_TRANSACTIONS));
    if (version.atLeast(3, 35)) {
      into.addAll(Set.of(INSERT_RETURNING, UPDATE_RETURNING, ON_CONFLICT));
    }
  }

  @Override
  public DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  public Isolation effectiveIsolation(Isolation requested) {
    return Isolation.SERIALIZABLE;
  }

  /** The driver reports no WHERE clause; {@code pragma_index_list} has a {@code partial} flag. */
  @Override
  public IndexShape indexShape(Connection connection, String schema, String table, String index)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT partial FROM pragma_index_list(?) WHERE name = ?")) {
      statement.setString(1, table);
      statement.setString(2, index);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1
            ? new IndexShape(-1, false, true, false)
            : IndexShape.AS_REPORTED;
      }
    }
  }

  @Override
  public Isolation serverRuns(Isolation level) {
    return Isolation.SERIALIZABLE;
  }

  @Override
  public NamedLockKind namedLocks() {
    return NamedLockKind.DATABASE_WRITE_LOCK;
  }

  @Override
  public String isolationQuery() {
    return null;
  }

  @Override
  public boolean hasSchemas() {
    return false;
  }

  @Override
  public boolean controlsTransactionsWithSql() {
    return true;
  }

  @Override
  ValueBinding valueBinding() {
    return ValueBinding.SQLITE;
  }
}
