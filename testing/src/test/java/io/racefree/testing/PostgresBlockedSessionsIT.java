package io.racefree.testing;

import io.racefree.testing.db.TestDatabase;
import io.racefree.testing.db.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class PostgresBlockedSessionsIT extends BlockedSessionsContract {
  @Override
  TestDatabase create() {
    return TestDatabases.postgres();
  }

  @Test
  void awaitBlockedSeesAWaitForANamedLock() throws SQLException {
    try (TestDatabase db = create(); Interleaving race = Interleaving.create(Duration.ofSeconds(20));
        Connection t1 = db.connect(); Connection t2 = db.connect(); Connection observer = db.connect()) {
      SessionProbe t2Session = SessionProbe.of(t2);
      race.actor("T1", () -> {
        run(t1, "SELECT pg_advisory_lock(4242)");
        race.reach("T1 holds the named lock");
        race.awaitBlocked("T2", observer, t2Session);
        run(t1, "SELECT pg_advisory_unlock(4242)");
      });
      race.actor("T2", () -> {
        race.await("T1 holds the named lock");
        run(t2, "SELECT pg_advisory_lock(4242)");
        run(t2, "SELECT pg_advisory_unlock(4242)");
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
