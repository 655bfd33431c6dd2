package io.racefree.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.racefree.lab.db.Target;
import io.racefree.lab.model.Grade;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Outcomes;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.Strategy;
import io.racefree.testing.galera.GaleraCluster;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab with one URL per node of a 3-node Galera cluster (started by the testing kit): the two
 * sessions of a deterministic run are on different nodes, so the naive strategies show the
 * cross-node anomalies and the racefree strategy none (the inherited contract).
 */
class GaleraScenarioIT extends ScenarioContract {
  @BeforeAll
  static void cluster() {
    assumeTrue(GaleraCluster.unavailableReason().isEmpty(), () -> GaleraCluster.unavailableReason().orElse(""));
  }

  @Override
  Target target() {
    List<String> urls = GaleraCluster.shared().nodes().stream().map(node -> node.jdbcUrl("test")).toList();
    return Target.of(urls.get(0), "root", "").withOtherNodes(urls.subList(1, urls.size()));
  }

  @Test
  void theReportNamesTheCluster() {
    assertThat(database.info().cluster()).contains("3 nodes given", "wsrep_cluster_size 3", "wsrep_provider_version");
  }

  @Test
  void naiveWithoutAUniqueKeyDuplicatesOrLetsTheConflictReachTheCaller() {
    // Which one depends on whether the other node's row arrives before or after this node's
    // insert (a table without a primary key conflicts as a whole); both runs have been seen.
    assertThat(names(run("get-or-create-no-unique", "naive", Isolation.REPEATABLE_READ)))
        .containsAnyOf(Outcomes.DUPLICATE_ROWS, Outcomes.DEADLOCK);
  }

  @Test
  void naiveTransferLosesAnUpdateAcrossNodes() {
    assertThat(names(run("transfer", "naive", Isolation.REPEATABLE_READ))).contains(Outcomes.LOST_UPDATE);
  }

  /** A row lock without a write and GET_LOCK are per node: T2, on another node, gets in too. */
  @Test
  void rowLocksAndNamedLocksAreHeldTwiceAcrossNodes() {
    for (String strategy : List.of("select-for-update", "named-lock")) {
      assertThat(names(run("critical-section", strategy, Isolation.REPEATABLE_READ))).as(strategy)
          .contains(Outcomes.HELD_TWICE).doesNotContain(Outcomes.ONE_HOLDER);
    }
  }

  @Test
  void racefreeRefusesANamedLockOnAClusterRatherThanGrantItTwice() {
    for (Isolation level : Isolation.values()) {
      assertThat(names(run("critical-section", "racefree", level))).as("%s", level)
          .contains(Outcomes.REFUSED_UNSUPPORTED).doesNotContain(Outcomes.HELD_TWICE);
    }
  }

  @Test
  void racefreeRefusesGetOrCreateWithoutAUniqueKey() {
    assertThat(names(run("get-or-create-no-unique", "racefree", Isolation.REPEATABLE_READ)))
        .contains(Outcomes.REFUSED_UNSUPPORTED).doesNotContain(Outcomes.DUPLICATE_ROWS);
  }

  /**
   * Issue 14's stress: 6 threads spread over the three nodes for a second per scenario; the racefree
   * strategy shows no duplicate, no lost update and no error it does not name (a refusal where no
   * unique key exists is its typed, declared outcome).
   */
  @Test
  void racefreeUnderStressOnAllThreeNodesShowsNoForbiddenOutcome() {
    StressSettings threadsOnEveryNode = new StressSettings(6, 1, 1.0, 42);
    for (var scenario : Scenarios.ALL) {
      RunResult run = lab.stress(scenario, Strategy.RACEFREE, Isolation.REPEATABLE_READ, threadsOnEveryNode);
      assertThat(run.status()).as("%s: %s", scenario.name(), run.message()).isEqualTo(RunStatus.OK);
      assertThat(run.grade()).as("%s: %s", scenario.name(), run.observations()).isNotEqualTo(Grade.FAILED);
      assertThat(names(run)).as(scenario.name()).doesNotContain(Outcomes.DUPLICATE_ROWS, Outcomes.LOST_UPDATE,
          Outcomes.MONEY_CREATED_OR_DESTROYED, Outcomes.HELD_TWICE, Outcomes.OTHER_ERROR)
          .containsAnyOf(Outcomes.ONE_ROW, Outcomes.NO_LOST_UPDATE, Outcomes.BALANCED, Outcomes.REFUSED_UNSUPPORTED);
    }
  }

  @Test
  void tableLocksAreNotRunOnACluster() {
    var run = lab.deterministic(scenario("transfer"), Strategy.TABLE_LOCK, Isolation.REPEATABLE_READ);
    assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
    assertThat(run.message()).contains("wedge");
  }
}
