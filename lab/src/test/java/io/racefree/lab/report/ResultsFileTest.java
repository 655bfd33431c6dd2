package io.racefree.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.racefree.lab.UsageException;
import io.racefree.lab.model.Results;
import org.junit.jupiter.api.Test;

class ResultsFileTest {
  @Test
  void resultsSurviveAJsonRoundTrip() {
    Results original = SampleResults.create();
    Results reread = ResultsFile.fromJson(ResultsFile.toJson(original));
    assertThat(reread).usingRecursiveComparison().isEqualTo(original);
  }

  @Test
  void jsonUsesTheDocumentedFieldNames() {
    String json = ResultsFile.toJson(SampleResults.create());
    assertThat(json).contains("\"environment\"", "\"runs\"", "\"kind\" : \"probe\"",
        "\"verdict\" : \"ANOMALY\"", "\"grade\" : \"FAILED\"", "\"opsPerSecond\" : 1234.5",
        "\"expectation\" : \"FORBIDDEN\"", "\"transcript\"", "\"racefreeVersion\"",
        "\"defaultIsolation\" : \"REPEATABLE_READ\"", "\"seed\" : 42").doesNotContain("\"probe\" :");
  }

  @Test
  void malformedJsonIsAUsageError() {
    assertThatThrownBy(() -> ResultsFile.fromJson("{not json"))
        .isInstanceOf(UsageException.class).hasMessageContaining("not a racefree results file");
  }
}
