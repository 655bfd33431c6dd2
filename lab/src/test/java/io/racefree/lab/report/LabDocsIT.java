package io.racefree.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.racefree.lab.LabServers;
import io.racefree.lab.model.Results;
import io.racefree.testing.db.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * README.md and docs/lab.md show the lab's own output: the deterministic lab, run now on
 * PostgreSQL, MariaDB, H2 and SQLite, renders exactly their generated sections (the stress lines
 * from the committed {@code docs/results/lab-stress.json}, since a stress run cannot be repeated
 * exactly).
 */
@Tag("postgresql")
@Tag("mariadb")
@Tag("h2")
@Tag("sqlite")
class LabDocsIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void readmeAndLabDocsShowTheLabsOwnOutput() {
    Results deterministic = LabDocs.deterministic(List.of(
        LabServers.target(TestDatabases.postgresServer()),
        LabServers.target(TestDatabases.mariadbServer())), "this test");
    Results stress = ResultsFile.read(REPO.resolve(LabDocs.STRESS_RESULTS));

    List<String> disagreements = LabDocs.disagreements(REPO,
        new MarkdownReport(deterministic, stress, LabDocs.REGENERATE));

    assertThat(disagreements)
        .as("README.md and docs/lab.md disagree with the lab; regenerate them with `%s`"
            + " (from the repository root, with the test servers up)", LabDocs.REGENERATE)
        .isEmpty();
  }
}
