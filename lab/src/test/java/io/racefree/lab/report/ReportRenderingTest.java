package io.racefree.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportRenderingTest {
  @Test
  void htmlIsSelfContainedAndShowsEveryPart() {
    String html = new HtmlReport().render(SampleResults.create());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg")
        .contains("get-or-create-unique", "not-found-after-duplicate-key", "Isolation probe",
            "Lost Update", "mariadb RR", "Throughput", "blocked; completed after step 3",
            "MariaDB 10.11.19-MariaDB")
        .doesNotContain("src=\"http", "href=\"http", "@import", "<link");
  }

  @Test
  void htmlEscapesWhatTheDatabaseSaid() {
    String html = new HtmlReport().render(SampleResults.create());
    assertThat(html).contains("&lt;the row&gt;").doesNotContain("<the row>");
  }

  @Test
  void terminalTableReadsWithoutColour() {
    String text = new TerminalReport(false).render(SampleResults.create());
    assertThat(text).doesNotContain("\u001b[").contains("racefree 0.1.0", "FAIL", "ANOMALY",
        "get-or-create-unique / naive", "P4  Lost Update", "not-found-after-duplicate-key",
        "interesting = no damage", "skip = not applicable")
        .doesNotContain("INTRSTNG", "caveat", "seed 0", "seeds 0");
  }

  @Test
  void gradeWordsAreWholeWordsAndSqlitesSerializedRunsSaySo() {
    String text = new TerminalReport(false).render(SampleResults.withSqlite());
    assertThat(text).contains("interesting ", "skip ", "serialized ")
        .contains("  interesting sqlite SER get-or-create-unique/naive")
        .doesNotContain("caveat", "skipped");
  }

  @Test
  void htmlNamesTheThreadsInWords() {
    String html = new HtmlReport().render(SampleResults.create());
    assertThat(html).contains("from Django users group: &quot;Race condition in get_or_create&quot;")
        .doesNotContain("seeds 0", "seed's");
  }

  @Test
  void terminalTableColoursOnRequest() {
    assertThat(new TerminalReport(true).render(SampleResults.create())).contains("\u001b[31;1m");
  }

  @Test
  void terminalRanksOnEqualWorkWithTheFloorRatioAndTheHardCaseApart() {
    String text = new TerminalReport(false).render(SampleResults.withThroughput());
    assertThat(text).contains("mariadb RC get-or-create-unique",
        "racefree 0.90× the floor (the hard case 0.45×)", "not the cost of the library");
    String group = text.substring(text.indexOf("racefree 0.90× the floor"));
    assertThat(group.indexOf("django")).isLessThan(group.indexOf("floor (one hand-written"));
    assertThat(group.indexOf("floor (one hand-written"))
        .isLessThan(group.indexOf("racefree (the same work"));
    assertThat(group.indexOf("racefree (the same work"))
        .isLessThan(group.indexOf("not the cost of the library"));
    assertThat(group.indexOf("not the cost of the library"))
        .isLessThan(group.indexOf("racefree-hard-case (the hard case)"));
  }

  @Test
  void htmlShowsTheFloorRatioNextToTheChartAndLabelsTheHardCase() {
    String html = new HtmlReport().render(SampleResults.withThroughput());
    assertThat(html).contains("racefree 0.90× the floor (the hard case 0.45×)",
        "racefree-hard-case (the hard case)", "not the cost of the library",
        "floor (one hand-written statement)");
    assertThat(html.indexOf("racefree (the same work as the others)"))
        .isLessThan(html.indexOf("racefree-hard-case (the hard case)"));
  }

  @Test
  void noRatioWithoutAFloor() {
    String text = new TerminalReport(false).render(SampleResults.create());
    assertThat(text).contains("mariadb RC transfer").doesNotContain("× the floor");
  }
}
