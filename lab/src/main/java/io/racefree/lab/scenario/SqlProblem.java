package io.racefree.lab.scenario;

import io.racefree.error.ErrorCategory;
import io.racefree.error.SqlErrorTranslator;
import io.racefree.lab.db.Engine;
import io.racefree.lab.model.Outcomes;
import java.sql.SQLException;

/**
 * What a raw-JDBC strategy's SQL error means, and the observation name it becomes when it
 * reaches the caller. (The user patterns are raw JDBC on
 * purpose; the racefree strategy uses the library's own classifier.)
 *
 * <p>Immutable and thread-safe.
 */
enum SqlProblem {
  DUPLICATE_KEY(Outcomes.DUPLICATE_KEY_ERROR),
  DEADLOCK(Outcomes.DEADLOCK),
  SERIALIZATION_FAILURE(Outcomes.SERIALIZATION_FAILURE),
  LOCK_TIMEOUT(Outcomes.LOCK_TIMEOUT),
  BUSY(Outcomes.BUSY),
  ABORTED(Outcomes.ABORTED),
  OTHER(Outcomes.OTHER_ERROR);

  private final String observation;

  SqlProblem(String observation) {
    this.observation = observation;
  }

  String observation() {
    return observation;
  }

  boolean transientFailure() {
    return this == DEADLOCK || this == SERIALIZATION_FAILURE || this == BUSY
        || this == LOCK_TIMEOUT;
  }

  /**
   * Classified by racefree's own classifier, so the lab and the library agree on what every error
   * is; SQLite's BUSY stays its own observation because the threads the lab replays name it.
   */
  static SqlProblem of(SQLException e, Engine engine) {
    if (e instanceof Transfer.StaleVersion) {
      return SERIALIZATION_FAILURE;
    }
    if (engine == Engine.SQLITE && isBusy(e)) {
      return BUSY;
    }
    ErrorCategory category = SqlErrorTranslator.categoryOf(e, DatabaseKinds.of(engine));
    return switch (category) {
      case UNIQUE_VIOLATION -> DUPLICATE_KEY;
      case DEADLOCK -> DEADLOCK;
      case SERIALIZATION_FAILURE, STALE_VERSION -> SERIALIZATION_FAILURE;
      case LOCK_TIMEOUT, LOCK_NOT_AVAILABLE -> LOCK_TIMEOUT;
      case TRANSACTION_ABORTED -> ABORTED;
      default -> OTHER;
    };
  }

  private static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == 5 || primary == 6;
  }
}
