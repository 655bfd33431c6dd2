package io.racefree.lab.scenario;

import io.racefree.dialect.DatabaseKind;
import io.racefree.lab.db.Engine;

/**
 * The lab's {@link Engine} as racefree's own {@link DatabaseKind}, for calls into the library.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatabaseKinds {
  private DatabaseKinds() {}

  public static DatabaseKind of(Engine engine) {
    return switch (engine) {
      case POSTGRESQL -> DatabaseKind.POSTGRESQL;
      case MARIADB -> DatabaseKind.MARIADB;
      case MYSQL -> DatabaseKind.MYSQL;
      case H2 -> DatabaseKind.H2;
      case SQLITE -> DatabaseKind.SQLITE;
    };
  }
}
