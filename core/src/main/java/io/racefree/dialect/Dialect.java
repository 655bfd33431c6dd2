package io.racefree.dialect;

import io.racefree.error.ErrorDetails;
import io.racefree.error.InvalidRequestException;
import io.racefree.error.UnsupportedFeatureException;
import io.racefree.tx.Isolation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What racefree knows about one database engine at one server version: its named {@link Feature}s,
 * how it quotes identifiers and how it reports isolation. One small subclass per engine.
 *
 * <p>Immutable and thread-safe.
 */
public abstract class Dialect {
  private final ServerVersion version;
  private final Set<Feature> features;

  /**
   * For the engine classes: declares the features of {@code version}.
   *
   * @param version the server version the connection reported
   */
  protected Dialect(ServerVersion version) {
    this.version = version;
    this.features = EnumSet.noneOf(Feature.class);
    declareFeatures(features, version);
  }

  /**
   * Adds the features this engine has at {@code serverVersion}. Called once, from the constructor.
   *
   * @param into the set to add to
   * @param serverVersion the server's version
   */
  protected abstract void declareFeatures(Set<Feature> into, ServerVersion serverVersion);

  /**
   * The engine.
   *
   * @return the engine
   */
  public abstract DatabaseKind kind();

  /**
   * The server version.
   *
   * @return the version
   */
  public final ServerVersion version() {
    return version;
  }

  /**
   * Whether this server has {@code feature}.
   *
   * @param feature the feature
   * @return true when it has it
   */
  public final boolean supports(Feature feature) {
    return features.contains(feature);
  }

  /**
   * Every feature this server has.
   *
   * @return the features (a copy)
   */
  public final Set<Feature> features() {
    return Set.copyOf(features);
  }

  /**
   * Fails with {@link UnsupportedFeatureException} unless this dialect has {@code feature}.
   *
   * @param task what the caller was doing, for the message
   * @param feature the feature needed
   */
  public final void require(Feature feature, String task) {
    if (!supports(feature)) {
      throw new UnsupportedFeatureException(
          ErrorDetails.of(task, kind()),
          this + " does not support " + feature,
          null);
    }
  }

  /**
   * The character that opens and closes a quoted identifier.
   *
   * @return the character that opens and closes a quoted identifier
   */
  protected char quoteChar() {
    return '"';
  }

  /**
   * Quotes an identifier that has already been checked against the catalog. Rejects anything that
   * could escape the quotes; no caller-provided text reaches SQL unquoted.
   *
   * @param identifier the checked name
   * @return the name quoted for this engine
   */
  public final String quote(String identifier) {
    char quote = quoteChar();
    if (identifier.isEmpty() || identifier.indexOf(quote) >= 0 || identifier.indexOf('\0') >= 0) {
      throw new InvalidRequestException(
          ErrorDetails.of("quote identifier", kind()),
          "'" + identifier + "' cannot be used as an identifier",
          null);
    }
    return quote + identifier + quote;
  }

  /**
   * Reads what the engine's catalog says about unique index {@code index} of {@code table} in
   * {@code schema} beyond JDBC's {@code getIndexInfo}: included columns, NULLS NOT DISTINCT, a WHERE
   * clause, deferrability. Most engines report everything through the driver.
   *
   * @param connection a connection to the database
   * @param schema the table's schema, or null for the connection's
   * @param table the table, checked against the catalog
   * @param index the index's name
   * @return the shape of the index
   * @throws java.sql.SQLException when the catalog cannot be read
   */
  public IndexShape indexShape(java.sql.Connection connection, String schema, String table, String index)
      throws java.sql.SQLException {
    return IndexShape.AS_REPORTED;
  }

  /**
   * True when, at a snapshot level, an insert's key conflict with a row committed after the
   * snapshot is itself a serialization failure (PostgreSQL's ON CONFLICT at REPEATABLE READ and
   * SERIALIZABLE), so a conflict that comes back quietly is with a row the snapshot sees.
   *
   * @return true when, at a snapshot level, an insert's key conflict with a row committed after the snapshot is itself a serialization failure (PostgreSQL's ON CONFLICT at REPEATABLE READ and SERIALIZABLE), so a conflict that comes back quietly is with a row the snapshot sees
   */
  public boolean insertConflictsOnlyWithVisibleRows() {
    return false;
  }

  /**
   * True when the engine stores unquoted identifiers in upper case (H2).
   *
   * @return true when the engine stores unquoted identifiers in upper case (H2)
   */
  public boolean foldsUnquotedToUpperCase() {
    return false;
  }

  /**
   * The level racefree runs when {@code requested} is asked for, or null when the engine cannot
   * honour it. The SQL standard allows running a stronger level than the one requested: READ
   * UNCOMMITTED runs as READ COMMITTED everywhere, because a dirty read of a version that is later
   * rolled back lets an optimistic version check match again and lose an update (MariaDB, H2;
   * H2's dirty reads also showed one row of a unique key twice in the race lab).
   *
   * @param requested the level asked for
   * @return the level racefree runs, or null
   */
  public Isolation effectiveIsolation(Isolation requested) {
    return requested == Isolation.READ_UNCOMMITTED ? Isolation.READ_COMMITTED : requested;
  }

  /**
   * The level the server itself runs when a connection is set to {@code level}: what a transaction
   * racefree did not begin (and so cannot change) really runs at.
   *
   * @param level the level the connection is set to
   * @return the level the server runs
   */
  public Isolation serverRuns(Isolation level) {
    return level;
  }

  /**
   * SQL that returns the session's current isolation level in one row and column, as the server
   * itself reports it (not the driver's cached value), or null when the server cannot say.
   *
   * @return the query, or null when the server cannot say
   */
  public abstract String isolationQuery();

  /**
   * Whether table locks are MySQL's {@code LOCK TABLES}: it commits the open transaction, and until
   * the locks go the session may touch only the locked tables.
   *
   * @return true on the MySQL family
   */
  public boolean tableLocksAreLockTablesStatements() {
    return false;
  }

  /**
   * The statement that inserts a row of default values only.
   *
   * @param tableSql the table, checked and quoted
   * @return the statement ({@code INSERT INTO t DEFAULT VALUES} unless the engine spells it otherwise)
   */
  public String insertDefaultsSql(String tableSql) {
    return "INSERT INTO " + tableSql + " DEFAULT VALUES";
  }

  /**
   * The session setting that bounds lock waits, where {@link Feature#LOCK_TIMEOUT_SETTING} is
   * supported.
   *
   * @return the setting, or null where the engine has none
   */
  public LockWaitSetting lockWaitSetting() {
    return null;
  }

  /**
   * Parses what {@link #isolationQuery()} returned.
   *
   * @param reported the server's text
   * @return the level, or null when the text names none
   */
  public Isolation parseServerIsolation(String reported) {
    return Isolation.parse(reported.replace('-', ' ').toUpperCase(Locale.ROOT));
  }

  /**
   * The mechanism behind named locks and creator locks on this engine.
   *
   * @return the mechanism behind named locks and creator locks on this engine
   */
  public abstract NamedLockKind namedLocks();

  /**
   * The clause a locking read ends with: a shared or an exclusive row lock, the exclusive one where
   * the engine has no shared lock, and nothing where it has no row locks (SQLite, whose write
   * transaction is exclusive already).
   *
   * @param shared true for a shared lock, false for an exclusive one
   * @return the clause, with a leading space, or an empty string
   */
  public final String lockingReadClause(boolean shared) {
    if (!supports(Feature.SELECT_FOR_UPDATE)) {
      return "";
    }
    if (shared && supports(Feature.LOCK_IN_SHARE_MODE)) {
      return " LOCK IN SHARE MODE";
    }
    return shared && supports(Feature.FOR_SHARE) ? " FOR SHARE" : " FOR UPDATE";
  }

  /**
   * True when a plain read at REPEATABLE READ keeps reading its old snapshot while a locking read
   * sees (and waits for) the newest row version: InnoDB's consistent versus current reads. There a
   * re-read after a conflict must lock to see the winner.
   *
   * @return true when a plain read at REPEATABLE READ keeps reading its old snapshot while a locking read sees (and waits for) the newest row version: InnoDB's consistent versus current reads
   */
  public boolean onlyLockingReadsSeeNewerRows() {
    return false;
  }

  /**
   * True when, at {@code isolation}, a row committed after the transaction's snapshot stays
   * invisible even to locking reads: engines with row locks whose locking reads keep the snapshot
   * (PostgreSQL and H2) at REPEATABLE READ and SERIALIZABLE.
   *
   * @param isolation the level the transaction runs at
   * @return true when, at {@code isolation}, a row committed after the transaction's snapshot stays invisible even to locking reads: engines with row locks whose locking reads keep the snapshot (PostgreSQL and H2) at REPEATABLE READ and SERIALIZABLE
   */
  public boolean snapshotHidesNewerRows(Isolation isolation) {
    boolean snapshotLevel = isolation == Isolation.REPEATABLE_READ || isolation == Isolation.SERIALIZABLE;
    return snapshotLevel && supports(Feature.SELECT_FOR_UPDATE) && !onlyLockingReadsSeeNewerRows();
  }

  /**
   * True when, at {@code isolation}, plain reads take shared locks (InnoDB SERIALIZABLE), so a
   * read of a missing row takes a gap lock that two creators then deadlock on.
   *
   * @param isolation the level the transaction runs at
   * @return true when, at {@code isolation}, plain reads take shared locks (InnoDB SERIALIZABLE), so a read of a missing row takes a gap lock that two creators then deadlock on
   */
  public boolean plainReadsLock(Isolation isolation) {
    return false;
  }

  /**
   * True when a string bound without a type takes the type of what it is compared with
   * (PostgreSQL); lookups on columns of types the driver does not know (citext, say) bind so.
   *
   * @return true when a string bound without a type takes the type of what it is compared with (PostgreSQL); lookups on columns of types the driver does not know (citext, say) bind so
   */
  public boolean infersUntypedParameters() {
    return false;
  }

  /**
   * Binds one non-null value the way this engine stores it faithfully: java.time, {@code UUID},
   * {@link io.racefree.Json} and enums (by name) differ per engine and driver; docs/types.md has
   * the rules. Runs before the statement executes, so a value that cannot be bound never reaches
   * the server.
   *
   * @param statement the statement to bind into
   * @param index the index's name
   * @param value the value, not null
   * @throws java.sql.SQLException when the driver refuses the value
   */
  public void bind(java.sql.PreparedStatement statement, int index, Object value) throws java.sql.SQLException {
    valueBinding().bind(statement, index, value);
  }

  abstract ValueBinding valueBinding();

  /**
   * False where a table name cannot be qualified with a schema or database (SQLite).
   *
   * @return false where a table name cannot be qualified with a schema or database (SQLite)
   */
  public boolean hasSchemas() {
    return true;
  }

  /**
   * True when the JDBC catalog leaves out what key analysis needs (NULLS NOT DISTINCT, the
   * constraint names behind unique indexes), to be read from INFORMATION_SCHEMA instead (H2).
   *
   * @return true when the JDBC catalog leaves out what key analysis needs (NULLS NOT DISTINCT, the constraint names behind unique indexes), to be read from INFORMATION_SCHEMA instead (H2)
   */
  public boolean keyDetailsOnlyInInformationSchema() {
    return false;
  }

  /**
   * True when the driver's catalog is the database (the MySQL family) and there are no schemas.
   *
   * @return true when the driver's catalog is the database (the MySQL family) and there are no schemas
   */
  public boolean catalogIsDatabase() {
    return false;
  }

  /**
   * True when transactions are begun and ended with SQL statements ({@code BEGIN IMMEDIATE}) on an
   * autocommit connection rather than with {@code setAutoCommit(false)} (SQLite).
   *
   * @return true when transactions are begun and ended with SQL statements ({@code BEGIN IMMEDIATE}) on an autocommit connection rather than with {@code setAutoCommit(false)} (SQLite)
   */
  public boolean controlsTransactionsWithSql() {
    return false;
  }

  /**
   * What a read that must see every row committed anywhere before it starts with: empty on a single
   * server; on a Galera node a per-statement causal wait ({@link GaleraDialect}).
   *
   * @return what a read that must see every row committed anywhere before it starts with: empty on a single server; on a Galera node a per-statement causal wait ({@link GaleraDialect})
   */
  public String causalReadPrefix() {
    return "";
  }

  /**
   * The engine-specific form of an error already translated by {@link
   * io.racefree.error.SqlErrorTranslator}: itself, except where the dialect knows more than the
   * error code says (a 1213 on a Galera node is a certification conflict).
   *
   * @param translated the translated error
   * @return the error, or a more specific one
   */
  public io.racefree.error.RacefreeException refine(io.racefree.error.RacefreeException translated) {
    return translated;
  }

  @Override
  public String toString() {
    return kind().displayName() + " " + version;
  }
}
