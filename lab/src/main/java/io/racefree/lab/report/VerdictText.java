package io.racefree.lab.report;

import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.RunResult;
import io.racefree.lab.model.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict of one {@link Advice.Aspect}, generated from its runs: the runs grouped by what they
 * amount to, each group naming its databases and levels, e.g. "pass on MariaDB, H2; **FAIL** on
 * PostgreSQL (dup-key error)". Groups that read alike but for their detail share their words:
 * "error to the caller on PostgreSQL SER (serialization failure), MariaDB SER (deadlock)".
 *
 * <p>Stateless apart from its inputs; thread-safe.
 */
final class VerdictText {
  private final DatabaseNames names;

  VerdictText(DatabaseNames names) {
    this.names = names;
  }

  /** The verdict, or empty when the results hold no run of the aspect. */
  Optional<String> of(Advice.Aspect aspect, List<RunResult> runs) {
    List<RunResult> covered = runs.stream().filter(aspect::covers).toList();
    if (covered.isEmpty()) {
      return Optional.empty();
    }
    List<Columns.Column> columns = Columns.of(covered, names.labels(), run -> true).columns();
    Map<Group, List<Columns.Column>> groups = new LinkedHashMap<>();
    for (Columns.Column column : columns) {
      RunResult run = covered.stream().filter(column::matches).findFirst().orElseThrow();
      groups.computeIfAbsent(Group.of(CellWords.of(run)), group -> new ArrayList<>()).add(column);
    }
    boolean oneLevel = aspect.level() != null || Strategy.byLabel(aspect.strategy())
        .flatMap(Strategy::onlyLevel).isPresent();
    Map<String, List<String>> placesByWords = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(Group::order)))
        .forEach(entry -> placesByWords.computeIfAbsent(entry.getKey().words(),
            words -> new ArrayList<>()).add(where(entry.getValue(), columns, oneLevel)
            + (entry.getKey().detail() == null ? "" : " (" + entry.getKey().detail() + ")")));
    List<String> parts = new ArrayList<>();
    placesByWords.forEach((words, places) -> parts.add(words + " on " + String.join(", ", places)));
    return Optional.of(String.join("; ", parts));
  }

  private String where(List<Columns.Column> group, List<Columns.Column> all, boolean oneLevel) {
    if (group.size() == all.size() && all.size() > 1) {
      return oneLevel ? "every database" : "every database at every level";
    }
    List<String> places = new ArrayList<>();
    for (String database : group.stream().map(Columns.Column::database).distinct().toList()) {
      List<Isolation> levels = levels(group, database);
      List<Isolation> ran = levels(all, database);
      String place = names.name(database);
      if (!oneLevel) {
        place += levels.equals(ran) && ran.size() > 1 ? " at every level"
            : " " + String.join("/", levels.stream().map(this::shortName).toList());
      }
      places.add(place);
    }
    return String.join(", ", places);
  }

  private String shortName(Isolation level) {
    return level == null ? "-" : level.shortName();
  }

  private static List<Isolation> levels(List<Columns.Column> columns, String database) {
    return columns.stream().filter(column -> column.database().equals(database))
        .map(Columns.Column::isolation).toList();
  }

  /** Runs that read alike; ordered pass first, then errors, failures, what could not run. */
  private record Group(int order, String words, String detail) {
    static Group of(CellWords cell) {
      return new Group(cell.kind().ordinal(), cell.verdictWords(), cell.verdictDetail());
    }
  }
}
