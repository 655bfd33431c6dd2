package io.racefree.api;

import io.racefree.Database;
import io.racefree.Row;
import io.racefree.Transaction;
import io.racefree.TransactionCallback;
import io.racefree.dialect.Dialect;
import io.racefree.lock.Assignments;
import io.racefree.lock.Guard;
import io.racefree.lock.RowLock;
import io.racefree.lock.RowUpdate;
import io.racefree.lock.TableLock;
import io.racefree.tx.Isolation;
import io.racefree.tx.TransactionOptions;
import io.racefree.upsert.GetOrCreateResult;
import io.racefree.upsert.UpdateOrCreateResult;
import io.racefree.upsert.UpsertOptions;
import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an application writes to trace or meter racefree: a Transaction that records the name of
 * each abstract method called and delegates it. Nested transactions are decorated too.
 */
final class DecoratingTransaction implements Transaction {
  private final Transaction delegate;
  final Set<String> calls;

  DecoratingTransaction(Transaction delegate, Set<String> calls) {
    this.delegate = delegate;
    this.calls = calls;
  }

  DecoratingTransaction(Transaction delegate) {
    this(delegate, new TreeSet<>());
  }

  private void called(String method) {
    calls.add(method);
  }

  @Override
  public Database database() {
    called("database");
    return delegate.database();
  }

  @Override
  public Dialect dialect() {
    called("dialect");
    return delegate.dialect();
  }

  @Override
  public Connection connection() {
    called("connection");
    return delegate.connection();
  }

  @Override
  public Row get(String table, Map<String, ?> lookup) {
    called("get");
    return delegate.get(table, lookup);
  }

  @Override
  public Optional<Row> find(String table, Map<String, ?> lookup) {
    called("find");
    return delegate.find(table, lookup);
  }

  @Override
  public List<Row> list(String table, Map<String, ?> lookup) {
    called("list");
    return delegate.list(table, lookup);
  }

  @Override
  public Row insert(String table, Map<String, ?> values) {
    called("insert");
    return delegate.insert(table, values);
  }

  @Override
  public int update(String table, Map<String, ?> lookup, Map<String, ?> values) {
    called("update");
    return delegate.update(table, lookup, values);
  }

  @Override
  public int delete(String table, Map<String, ?> lookup) {
    called("delete");
    return delegate.delete(table, lookup);
  }

  @Override
  public List<Row> query(String sql, Object... parameters) {
    called("query");
    return delegate.query(sql, parameters);
  }

  @Override
  public int execute(String sql, Object... parameters) {
    called("execute");
    return delegate.execute(sql, parameters);
  }

  @Override
  public Isolation isolation() {
    called("isolation");
    return delegate.isolation();
  }

  @Override
  public TransactionOptions options() {
    called("options");
    return delegate.options();
  }

  @Override
  public int depth() {
    called("depth");
    return delegate.depth();
  }

  @Override
  public <T, X extends Exception> T withTransaction(
      TransactionOptions options, TransactionCallback<T, X> callback) throws X {
    called("withTransaction");
    return delegate.withTransaction(options,
        inner -> callback.withTransaction(new DecoratingTransaction(inner, calls)));
  }

  @Override
  public void onCommit(Runnable hook) {
    called("onCommit");
    delegate.onCommit(hook);
  }

  @Override
  public void setRollbackOnly() {
    called("setRollbackOnly");
    delegate.setRollbackOnly();
  }

  @Override
  public boolean isRollbackOnly() {
    called("isRollbackOnly");
    return delegate.isRollbackOnly();
  }

  @Override
  public GetOrCreateResult getOrCreate(
      String table, Map<String, ?> lookup, Map<String, ?> defaults, UpsertOptions options) {
    called("getOrCreate");
    return delegate.getOrCreate(table, lookup, defaults, options);
  }

  @Override
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Map<String, ?> updates, Map<String, ?> createDefaults, UpsertOptions options) {
    called("updateOrCreate");
    return delegate.updateOrCreate(table, lookup, updates, createDefaults, options);
  }

  @Override
  public UpdateOrCreateResult updateOrCreate(String table, Map<String, ?> lookup,
      Assignments updates, Map<String, ?> createDefaults, UpsertOptions options) {
    called("updateOrCreate(Assignments)");
    return delegate.updateOrCreate(table, lookup, updates, createDefaults, options);
  }

  @Override
  public List<GetOrCreateResult> getOrCreateAll(String table, List<? extends Map<String, ?>> lookups,
      Map<String, ?> defaults, UpsertOptions options) {
    called("getOrCreateAll");
    return delegate.getOrCreateAll(table, lookups, defaults, options);
  }

  @Override
  public List<UpdateOrCreateResult> updateOrCreateAll(String table,
      List<? extends Map<String, ?>> rows, List<String> lookupColumns, UpsertOptions options) {
    called("updateOrCreateAll");
    return delegate.updateOrCreateAll(table, rows, lookupColumns, options);
  }

  @Override
  public List<Row> lockRows(String table, Map<String, ?> lookup, RowLock lock) {
    called("lockRows");
    return delegate.lockRows(table, lookup, lock);
  }

  @Override
  public List<Row> lockRowsInOrder(String table, String keyColumn, Collection<?> keys, RowLock lock) {
    called("lockRowsInOrder");
    return delegate.lockRowsInOrder(table, keyColumn, keys, lock);
  }

  @Override
  public List<Row> claim(String table, Map<String, ?> lookup, String orderColumn, int limit) {
    called("claim");
    return delegate.claim(table, lookup, orderColumn, limit);
  }

  @Override
  public void lockTables(List<TableLock> tables, boolean noWait) {
    called("lockTables");
    delegate.lockTables(tables, noWait);
  }

  @Override
  public void lock(String name) {
    called("lock");
    delegate.lock(name);
  }

  @Override
  public boolean tryLock(String name, Duration timeout) {
    called("tryLock");
    return delegate.tryLock(name, timeout);
  }

  @Override
  public void lockAll(Collection<String> names) {
    called("lockAll");
    delegate.lockAll(names);
  }

  @Override
  public int update(String table, Map<String, ?> lookup, Assignments assignments, Guard guard) {
    called("update(Assignments)");
    return delegate.update(table, lookup, assignments, guard);
  }

  @Override
  public boolean updateAll(String table, String keyColumn, Map<?, RowUpdate> updates) {
    called("updateAll");
    return delegate.updateAll(table, keyColumn, updates);
  }

  @Override
  public long updateVersioned(String table, Map<String, ?> lookup, String versionColumn,
      long expectedVersion, Map<String, ?> values) {
    called("updateVersioned");
    return delegate.updateVersioned(table, lookup, versionColumn, expectedVersion, values);
  }
}
