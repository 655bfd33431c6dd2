package io.racefree.lab.report;

import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.RunResult;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The (database, isolation) columns of a report matrix, in the order the databases appear in the
 * results and by isolation strength within a database.
 *
 * <p>Immutable and thread-safe.
 */
record Columns(List<Column> columns) {
  record Column(String database, Isolation isolation) {
    String header() {
      return database + " " + (isolation == null ? "-" : isolation.shortName());
    }

    boolean matches(RunResult run) {
      return database.equals(run.database()) && Objects.equals(isolation, run.isolation());
    }
  }

  static Columns of(List<RunResult> runs, List<String> databaseOrder, Predicate<RunResult> which) {
    Comparator<Column> order = Comparator
        .comparingInt((Column column) -> indexOf(databaseOrder, column.database()))
        .thenComparing(column -> column.isolation() == null ? -1 : column.isolation().ordinal());
    return new Columns(runs.stream().filter(which)
        .map(run -> new Column(run.database(), run.isolation()))
        .distinct().sorted(order).toList());
  }

  private static int indexOf(List<String> order, String database) {
    int index = order.indexOf(database);
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
