package io.racefree.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.db.LabDatabase;
import io.racefree.lab.db.Target;
import io.racefree.lab.model.Catalog;
import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.RunStatus;
import io.racefree.lab.model.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The probe's verdicts on one database must equal a published (or documented) table: for each
 * level, exactly the anomalies listed happen, all others are prevented.
 */
abstract class ProbeContract {
  static final Set<String> ALL_BUT_G0 =
      Set.of("G1a", "G1b", "G1c", "OTV", "PMP", "P4", "G-single", "G2-item", "G2");
  static final Set<String> READ_COMMITTED_LIKE = Set.of("PMP", "P4", "G-single", "G2-item", "G2");
  static final Set<String> SNAPSHOT_LIKE = Set.of("G2-item", "G2");

  abstract Target target();

  /** The anomalies expected per level; levels not listed are not probed. */
  abstract Map<Isolation, Set<String>> expectedAnomalies();

  void assertVerdictsMatch() {
    try (LabDatabase database = LabDatabase.open(target())) {
      List<Isolation> levels = expectedAnomalies().keySet().stream().sorted().toList();
      List<RunResult> runs = new IsolationProbe().probeAll(database, levels, run -> { });
      assertThat(runs).allSatisfy(run -> assertThat(run.status())
          .as("%s %s: %s", run.isolation(), run.anomaly(), run.message()).isEqualTo(RunStatus.OK));
      assertThat(observed(runs)).isEqualTo(sorted(expectedAnomalies()));
      assertThat(runs).hasSize(levels.size() * Catalog.ANOMALIES.size());
    }
  }

  private static Map<Isolation, Set<String>> observed(List<RunResult> runs) {
    return runs.stream().collect(Collectors.groupingBy(RunResult::isolation, TreeMap::new,
        Collectors.filtering(run -> run.verdict() == Verdict.ANOMALY,
            Collectors.mapping(RunResult::anomaly, Collectors.toCollection(TreeSet::new)))));
  }

  private static Map<Isolation, Set<String>> sorted(Map<Isolation, Set<String>> expected) {
    Map<Isolation, Set<String>> result = new TreeMap<>();
    expected.forEach((level, names) -> result.put(level, new TreeSet<>(names)));
    return result;
  }
}
