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
