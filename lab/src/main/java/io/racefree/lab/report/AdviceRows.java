package io.racefree.lab.report;

import static io.racefree.lab.report.Advice.Aspect.everyScenario;
import static io.racefree.lab.report.Advice.Aspect.of;

import io.racefree.lab.model.Isolation;
import io.racefree.lab.model.Strategy;
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
          of(GET_OR_CREATE, Strategy.READ_COMMITTED), of(NO_UNIQUE, Strategy.READ_COMMITTED),
          of(UPDATE_OR_CREATE, Strategy.READ_COMMITTED), of(TRANSFER, Strategy.READ_COMMITTED)),
      new Advice("\"take the savepoint before the first read\"",
          of(GET_OR_CREATE, Strategy.SAVEPOINT_BEFORE_READ).at(Isolation.REPEATABLE_READ)),
      new Advice("\"commit, then get\"", of(GET_OR_CREATE, Strategy.COMMIT_THEN_GET)),
      new Advice("Django's get_or_create and update_or_create today",
          of(GET_OR_CREATE, Strategy.DJANGO), of(UPDATE_OR_CREATE, Strategy.DJANGO)),
      new Advice("\"lock the table\"",
          of(GET_OR_CREATE, Strategy.TABLE_LOCK), of(NO_UNIQUE, Strategy.TABLE_LOCK),
          of(UPDATE_OR_CREATE, Strategy.TABLE_LOCK), of(TRANSFER, Strategy.TABLE_LOCK)),
      new Advice("`SELECT ... FOR UPDATE`",
          of(NO_UNIQUE, Strategy.SELECT_FOR_UPDATE), of(TRANSFER, Strategy.SELECT_FOR_UPDATE),
          of(TRANSFER, Strategy.SELECT_FOR_UPDATE_ORDERED).called("transfers, rows locked in key order")),
      new Advice("\"a multiprocess-usable way to lock\": a row lock or a named lock around a job",
          of(CRITICAL_SECTION, Strategy.SELECT_FOR_UPDATE).called("row lock"),
          of(CRITICAL_SECTION, Strategy.NAMED_LOCK).called("named lock")),
      new Advice("atomic `UPDATE ... SET x = x - ?`, or one upsert statement",
          of(TRANSFER, Strategy.ATOMIC_UPDATE), of(UPDATE_OR_CREATE, Strategy.ATOMIC_UPDATE)),
      new Advice("SERIALIZABLE with retry",
          of(GET_OR_CREATE, Strategy.SERIALIZABLE_RETRY), of(NO_UNIQUE, Strategy.SERIALIZABLE_RETRY),
          of(UPDATE_OR_CREATE, Strategy.SERIALIZABLE_RETRY), of(TRANSFER, Strategy.SERIALIZABLE_RETRY)),
      new Advice("optimistic versions with retry",
          of(UPDATE_OR_CREATE, Strategy.OPTIMISTIC_VERSION), of(TRANSFER, Strategy.OPTIMISTIC_VERSION),
          of(TRANSFER, Strategy.OPTIMISTIC_VERSION).underStress()),
      new Advice("**racefree**", everyScenario(Strategy.RACEFREE)));

  private AdviceRows() {}

  /** The (scenario, strategy) pairs whose verdict needs stress runs. */
  static List<Advice.Aspect> stressAspects() {
    return ALL.stream().flatMap(advice -> advice.aspects().stream())
        .filter(aspect -> io.racefree.lab.model.RunResult.STRESS.equals(aspect.mode()))
        .toList();
  }
}
