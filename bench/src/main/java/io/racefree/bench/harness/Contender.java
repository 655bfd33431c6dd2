package io.racefree.bench.harness;

import java.util.Objects;

/**
 * One way of doing a workload's operation, measured next to the others.
 *
 * @param name short, unique within the workload (e.g. "racefree", "floor", "jooq")
 * @param role what it stands for
 * @param description how it does it, for the report
 * @param tally what its calls count (shared by all its rounds)
 * @param call one operation
 * @param check what to inspect afterwards, or null
 */
public record Contender(String name, Role role, String description, Tally tally, Call call, Check check) {
  public Contender {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tally, "tally");
    Objects.requireNonNull(call, "call");
  }

  public static Contender of(String name, Role role, String description, Call call) {
    return new Contender(name, role, description, new Tally(), call, null);
  }

  /** For calls that need the tally before they run, e.g. in a retry listener. */
  public static Contender of(String name, Role role, String description, Tally tally, Call call) {
    return new Contender(name, role, description, tally, call, null);
  }

  public Contender checkedBy(Check newCheck) {
    return new Contender(name, role, description, tally, call, newCheck);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
