package io.racefree.lab.report;

import static io.racefree.lab.report.Advice.Aspect.everyScenario;
import static io.racefree.lab.report.Advice.Aspect.of;

import io.racefree.lab.model.Isolation;
import java.util.List;

/**
 * The advice the verdict table judges, in the order it lists them: the classic advice of the
 * threads the lab comes from, and racefree's own call. Only the words are written here; every
 * verdict is generated from the runs.
 *
 * <p>Constants only; thread-safe.
 */
final class AdviceRows {
  private static final String GET_OR_CREATE = "get-or-create-unique";
  private static final String NO_UNIQUE = "get-or-create-no-unique";
  private static final String UPDATE_OR_CREATE = "update-or-create";
  private static final String TRANSFER = "transfer";
  private static final String CRITICAL_SECTION = "critical-section";

  static final List<Advice> ALL = List.of(
      new Advice("\"switch to READ COMMITTED\"",
          of(GET_OR_CREATE, "read-committed"), of(NO_UNIQUE, "read-committed"),
          of(UPDATE_OR_CREATE, "read-committed"), of(TRANSFER, "read-committed")),
      new Advice("\"take the savepoint before the first read\"",
          of(GET_OR_CREATE, "savepoint-before-read").at(Isolation.REPEATABLE_READ)),
      new Advice("\"commit, then get\"", of(GET_OR_CREATE, "commit-then-get")),
      new Advice("Django's get_or_create and update_or_create today",
          of(GET_OR_CREATE, "django"), of(UPDATE_OR_CREATE, "django")),
      new Advice("\"lock the table\"",
          of(GET_OR_CREATE, "table-lock"), of(NO_UNIQUE, "table-lock"),
          of(UPDATE_OR_CREATE, "table-lock"), of(TRANSFER, "table-lock")),
      new Advice("`SELECT ... FOR UPDATE`",
          of(NO_UNIQUE, "select-for-update"), of(TRANSFER, "select-for-update"),
          of(TRANSFER, "select-for-update-ordered").called("transfers, rows locked in key order")),
      new Advice("\"a multiprocess-usable way to lock\": a row lock or a named lock around a job",
          of(CRITICAL_SECTION, "select-for-update").called("row lock"),
          of(CRITICAL_SECTION, "named-lock").called("named lock")),
      new Advice("atomic `UPDATE ... SET x = x - ?`, or one upsert statement",
          of(TRANSFER, "atomic-update"), of(UPDATE_OR_CREATE, "atomic-update")),
      new Advice("SERIALIZABLE with retry",
          of(GET_OR_CREATE, "serializable-retry"), of(NO_UNIQUE, "serializable-retry"),
          of(UPDATE_OR_CREATE, "serializable-retry"), of(TRANSFER, "serializable-retry")),
      new Advice("optimistic versions with retry",
          of(UPDATE_OR_CREATE, "optimistic-version"), of(TRANSFER, "optimistic-version"),
          of(TRANSFER, "optimistic-version").underStress()),
      new Advice("**racefree**", everyScenario("racefree")));

  private AdviceRows() {}

  /** The (scenario, strategy) pairs whose verdict needs stress runs. */
  static List<Advice.Aspect> stressAspects() {
    return ALL.stream().flatMap(advice -> advice.aspects().stream())
        .filter(aspect -> io.racefree.lab.model.RunResult.STRESS.equals(aspect.mode()))
        .toList();
  }
}
