package io.racefree.lab.scenario;

import io.racefree.lab.db.Engine;
import io.racefree.lab.model.Outcomes;
import java.sql.SQLException;

/**
 * What a raw-JDBC strategy's SQL error means, by SQLState and vendor code per engine, and the
 * observation name it becomes when it reaches the caller. (The user patterns are raw JDBC on
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

  static SqlProblem of(SQLException e, Engine engine) {
    if (e instanceof Transfer.StaleVersion) {
      return SERIALIZATION_FAILURE;
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    int code = e.getErrorCode();
    return switch (engine) {
      case POSTGRESQL -> switch (state) {
        case "23505" -> DUPLICATE_KEY;
        case "40P01" -> DEADLOCK;
        case "40001" -> SERIALIZATION_FAILURE;
        case "55P03" -> LOCK_TIMEOUT;
        default -> OTHER;
      };
      case MARIADB, MYSQL -> switch (code) {
        case 1062 -> DUPLICATE_KEY;
        case 1213 -> DEADLOCK;
        case 1020 -> SERIALIZATION_FAILURE;
        case 1205 -> LOCK_TIMEOUT;
        default -> OTHER;
      };
      case H2 -> switch (code) {
        case 23505 -> DUPLICATE_KEY;
        case 40001 -> SERIALIZATION_FAILURE;
        case 50200 -> LOCK_TIMEOUT;
        default -> OTHER;
      };
      case SQLITE -> sqlite(e);
    };
  }

  private static SqlProblem sqlite(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    if (primary == 19 && String.valueOf(e.getMessage()).contains("UNIQUE")) {
      return DUPLICATE_KEY;
    }
    return primary == 5 || primary == 6 ? BUSY : OTHER;
  }
}
