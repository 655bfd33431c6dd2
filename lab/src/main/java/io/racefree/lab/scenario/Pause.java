package io.racefree.lab.scenario;

import java.sql.SQLException;

/**
 * The point inside a strategy where a deterministic run lets the competitor go (after the first
 * read). Stress runs pass {@link #NONE}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
interface Pause {
  Pause NONE = () -> { };

  void here() throws InterruptedException, SQLException;
}
