package io.racefree.lab.model;

import java.util.Objects;

/**
 * One possible result of a race scenario, declared up front: a stable id (the observation name),
 * its grading and a human description.
 *
 * <p>Immutable and thread-safe.
 */
public record Outcome(String id, Expect expect, String description) {
  public Outcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(description, "description");
  }

  public static Outcome acceptable(String id, String description) {
    return new Outcome(id, Expect.ACCEPTABLE, description);
  }

  public static Outcome interesting(String id, String description) {
    return new Outcome(id, Expect.INTERESTING, description);
  }

  public static Outcome forbidden(String id, String description) {
    return new Outcome(id, Expect.FORBIDDEN, description);
  }
}
