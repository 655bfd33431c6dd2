package io.racefree.lab.probe;

import io.racefree.lab.db.EmbeddedTargets;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.Isolation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The in-process engines: what H2 2.5 and SQLite (WAL) are documented and observed to do. */
class EmbeddedProbeIT {
  private final EmbeddedTargets embedded = new EmbeddedTargets();

  @AfterEach
  void removeFiles() {
    embedded.close();
  }

  /** H2 SERIALIZABLE does not prevent write skew (see db-semantics, H2 section). */
  @Nested
  @Tag("h2")
  class H2 extends ProbeContract {
    @Override
    Target target() {
      return embedded.targets().get(0);
    }

    @Override
    Map<Isolation, Set<String>> expectedAnomalies() {
      return Map.of(
          Isolation.READ_UNCOMMITTED, ALL_BUT_G0,
          Isolation.READ_COMMITTED, READ_COMMITTED_LIKE,
          Isolation.REPEATABLE_READ, SNAPSHOT_LIKE,
          Isolation.SERIALIZABLE, SNAPSHOT_LIKE);
    }

    @Test
    void verdictsMatchH2sMvccLevels() {
      assertVerdictsMatch();
    }
  }

  /** SQLite has one writer at a time: every anomaly is prevented (by SQLITE_BUSY). */
  @Nested
  @Tag("sqlite")
  class Sqlite extends ProbeContract {
    @Override
    Target target() {
      return embedded.targets().get(1);
    }

    @Override
    Map<Isolation, Set<String>> expectedAnomalies() {
      return Map.of(Isolation.SERIALIZABLE, Set.of());
    }

    @Test
    void serializablePreventsEverything() {
      assertVerdictsMatch();
    }
  }
}
