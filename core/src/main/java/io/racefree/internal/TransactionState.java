package io.racefree.internal;

import io.racefree.error.RacefreeException;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one outermost transaction knows about itself across its nested levels: whether the database
 * rolled it back (a deadlock or serialization failure on MariaDB, MySQL, H2 and SQLite, or a lost
 * connection anywhere), and the work to run when it ends ({@link CompletionParticipant}s).
 * Not thread-safe. Not API.
 */
final class TransactionState {
  private RacefreeException killedBy;
  private final Map<Class<?>, CompletionParticipant> participants = new LinkedHashMap<>();
  private final String savepointPrefix;
  private final boolean joined;
  private boolean ownerEndVisible = true;
  private boolean oneCall;
  private boolean autoCommitted;

  /** The state of a transaction racefree began. */
  TransactionState() {
    this("rf_sp_", false);
  }

  private TransactionState(String savepointPrefix, boolean joined) {
    this.savepointPrefix = savepointPrefix;
    this.joined = joined;
  }

  /** The state of racefree's part (a savepoint) of a transaction the application owns. */
  static TransactionState joined(String savepointPrefix) {
    return new TransactionState(savepointPrefix, true);
  }

  /** The prefix of the savepoints of nested transactions, unique within the connection's transaction. */
  String savepointPrefix() {
    return savepointPrefix;
  }

  /**
   * Marks a transaction racefree began for one call of its own (such as {@code db.getOrCreate}):
   * no code runs in it after a failed statement, so nothing needs a savepoint's protection.
   */
  void markOneCall() {
    oneCall = true;
  }

  /** See {@link #markOneCall()}. */
  boolean oneCall() {
    return oneCall;
  }

  /**
   * Marks a one-call transaction that is no transaction at all: the connection stays in
   * auto-commit, so each statement commits by itself and sees the rows committed before it.
   */
  void markAutoCommitted() {
    markOneCall();
    autoCommitted = true;
  }

  /** See {@link #markAutoCommitted()}. */
  boolean autoCommitted() {
    return autoCommitted;
  }

  /** True when the application, not racefree, owns the transaction. */
  boolean joined() {
    return joined;
  }

  /** Records that the application cannot tell racefree when its transaction ends. */
  void ownerEndInvisible() {
    ownerEndVisible = false;
  }

  /**
   * Fails when racefree cannot see the end of the transaction: {@code what} must happen after it
   * (a hook after the commit, a lock released after the end).
   */
  void requireVisibleEnd(String task, io.racefree.dialect.DatabaseKind database, String what) {
    if (!ownerEndVisible) {
      throw new io.racefree.error.TransactionStateException(
          io.racefree.error.ErrorDetails.of(task, database),
          "racefree takes part in a transaction it did not begin, on a connection that cannot tell it"
              + " when that transaction ends, so it cannot " + what,
          "do this after your own commit, or join through an integration that reports the end of the"
              + " transaction (racefree-spring), or let racefree own the transaction",
          null);
    }
  }

  /** Asks every participant whether {@code table} may be touched. */
  void checkTableAccess(JdbcTransaction tx, TableInfo table, String task) {
    for (CompletionParticipant participant : participants.values()) {
      participant.checkTableAccess(tx, table, task);
    }
  }

  /** The participant of {@code type} if one was registered, else null. */
  <P extends CompletionParticipant> P existingParticipant(Class<P> type) {
    return type.cast(participants.get(type));
  }

  RacefreeException killedBy() {
    return killedBy;
  }

  void killedBy(RacefreeException failure) {
    if (killedBy == null) {
      killedBy = failure;
    }
  }

  <P extends CompletionParticipant> P participant(Class<P> type, Supplier<P> create) {
    return type.cast(participants.computeIfAbsent(type, key -> create.get()));
  }

  /**
   * Runs every participant once, in registration order. Each failure is added to {@code failure}
   * when there is one; otherwise the first is returned with the later ones suppressed.
   */
  Throwable complete(Connection connection, boolean committed, Throwable failure) {
    Throwable first = null;
    for (CompletionParticipant participant : participants.values()) {
      try {
        participant.afterCompletion(connection, committed);
      } catch (Exception | Error e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    participants.clear();
    return first;
  }
}
