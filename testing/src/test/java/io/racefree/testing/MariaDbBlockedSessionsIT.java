package io.racefree.testing;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("mariadb")
class MariaDbBlockedSessionsIT extends BlockedSessionsContract {
  @Override
  TestDatabase create() {
    return TestDatabases.mariadb();
  }

  @Test
  void awaitBlockedSeesAWaitForANamedLock() throws SQLException {
    try (TestDatabase db = create(); Interleaving race = Interleaving.create(Duration.ofSeconds(20));
        Connection t1 = db.connect(); Connection t2 = db.connect(); Connection observer = db.connect()) {
      SessionProbe t2Session = SessionProbe.of(t2);
      race.actor("T1", () -> {
        run(t1, "SELECT GET_LOCK('rf_lock', 20)");
        race.reach("T1 holds the named lock");
        race.awaitBlocked("T2", observer, t2Session);
        run(t1, "SELECT RELEASE_LOCK('rf_lock')");
      });
      race.actor("T2", () -> {
        race.await("T1 holds the named lock");
        run(t2, "SELECT GET_LOCK('rf_lock', 20)");
        run(t2, "SELECT RELEASE_LOCK('rf_lock')");
      });
      race.run();
    }
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
