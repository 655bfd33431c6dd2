package io.racefree.internal;

import io.racefree.Database;
import io.racefree.Handle;
import io.racefree.Row;
import io.racefree.dialect.Dialect;
import io.racefree.error.ErrorDetails;
import io.racefree.error.NotFoundException;
import io.racefree.error.RacefreeException;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.error.TooManyRowsException;
import io.racefree.internal.Binder.Parameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where racefree runs SQL on a connection: every statement goes through {@link #run},
 * which translates driver errors and reports them to the owner (a transaction records that the
 * database aborted it). Not thread-safe. Not API.
 */
public abstract class JdbcHandle implements Handle {
  private final DatabaseContext context;
  private final Connection connection;

  protected JdbcHandle(DatabaseContext context, Connection connection) {
    this.context = context;
    this.connection = connection;
  }

  /** Called with every translated statement failure before it is thrown. */
  protected abstract void statementFailed(RacefreeException failure);

  /** Fails if this handle may no longer be used. */
  protected abstract void checkUsable(String task);

  /** Fails with a typed error if this handle may no longer be used (its callback ended, say). */
  public final void requireUsable(String task) {
    checkUsable(task);
  }

  @Override
  public Database database() {
    return context.database();
  }

  @Override
  public Dialect dialect() {
    return context.dialect();
  }

  @Override
  public Connection connection() {
    return connection;
  }

  public DatabaseContext context() {
    return context;
  }

  /** The table as the catalog reports it, read on this handle's connection on first use. */
  public TableInfo table(String name, String task) {
    checkUsable(task);
    return context.catalog().table(connection, name, task);
  }

  /**
   * The table, re-read once from the catalog if the cached definition lacks one of {@code columns}
   * (a column added since the cache was filled); an unknown name then fails as usual.
   */
  public TableInfo table(String name, String task, Collection<String> columns) {
    TableInfo info = table(name, task);
    if (columns == null || info.hasColumns(columns)) {
      return info;
    }
    context.catalog().refresh(name);
    return table(name, task);
  }

  /** Runs {@code work}, translating a {@link SQLException} into a racefree exception. */
  public <T> T run(String task, String sql, SqlWork<T> work) {
    checkUsable(task);
    try {
      return work.run(connection);
    } catch (SQLException e) {
      RacefreeException failure = dialect().refine(SqlErrorTranslator.translate(task, sql, e, dialect().kind()));
      statementFailed(failure);
      context.events().failed(failure);
      throw failure;
    }
  }

  /** Runs a query with bound parameters. */
  public List<Row> query(String task, String sql, List<Parameter> parameters) {
    return run(task, sql, c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        Binder.bind(statement, parameters, dialect());
        // execute(), not executeQuery(): MySQL Connector/J refuses INSERT ... RETURNING otherwise.
        if (!statement.execute()) {
          return List.<Row>of();
        }
        try (ResultSet rs = statement.getResultSet()) {
          return ResultRows.readAll(rs);
        }
      }
    });
  }

  /** Runs a statement with bound parameters and returns its update count. */
  public int update(String task, String sql, List<Parameter> parameters) {
    return run(task, sql, c -> {
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        Binder.bind(statement, parameters, dialect());
        return statement.executeUpdate();
      }
    });
  }

  @Override
  public List<Row> query(String sql, Object... parameters) {
    return query("query", sql, untyped(parameters));
  }

  @Override
  public int execute(String sql, Object... parameters) {
    return update("execute", sql, untyped(parameters));
  }

  private static List<Parameter> untyped(Object... parameters) {
    return Arrays.stream(parameters).map(Parameter::untyped).toList();
  }

  @Override
  public Row get(String table, Map<String, ?> lookup) {
    String task = "get(" + table + ")";
    List<Row> rows = selectAtMostTwo(table, lookup, task);
    if (rows.isEmpty()) {
      throw new NotFoundException(
          ErrorDetails.of(task, dialect().kind()), "no row matches " + describe(lookup), null);
    }
    return rows.get(0);
  }

  @Override
  public Optional<Row> find(String table, Map<String, ?> lookup) {
    return selectAtMostTwo(table, lookup, "find(" + table + ")").stream().findFirst();
  }

  private List<Row> selectAtMostTwo(String table, Map<String, ?> lookup, String task) {
    TableInfo info = table(table, task, lookup == null ? null : lookup.keySet());
    LookupClause where = LookupClause.of(info, lookup, dialect(), task);
    String sql = "SELECT * FROM " + info.sql() + " WHERE " + where.sql() + " LIMIT 2";
    List<Row> rows = query(task, sql, where.parameters());
    if (rows.size() > 1) {
      throw new TooManyRowsException(
          ErrorDetails.of(task, dialect().kind()).withSql(sql),
          "more than one row matches " + describe(lookup),
          null);
    }
    return rows;
  }

  @Override
  public List<Row> list(String table, Map<String, ?> lookup) {
    String task = "list(" + table + ")";
    TableInfo info = table(table, task, lookup == null ? null : lookup.keySet());
    LookupClause where = LookupClause.of(info, lookup, dialect(), task);
    String sql = "SELECT * FROM " + info.sql() + " WHERE " + where.sql() + Statements.orderByKey(info, dialect());
    return query(task, sql, where.parameters());
  }

  @Override
  public Row insert(String table, Map<String, ?> values) {
    return Statements.insert(this, table, values);
  }

  @Override
  public int update(String table, Map<String, ?> lookup, Map<String, ?> values) {
    return Statements.update(this, table, lookup, values);
  }

  @Override
  public int delete(String table, Map<String, ?> lookup) {
    String task = "delete(" + table + ")";
    TableInfo info = table(table, task, lookup == null ? null : lookup.keySet());
    LookupClause where = LookupClause.nonEmpty(info, lookup, dialect(), task);
    return update(task, "DELETE FROM " + info.sql() + " WHERE " + where.sql(), where.parameters());
  }

  /** A lookup for messages: column names only, never values. */
  public static String describe(Map<String, ?> lookup) {
    return "the lookup on " + lookup.keySet();
  }
}
