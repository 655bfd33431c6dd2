package io.racefree.lab.probe;

/**
 * One statement of a probe script: which session runs it, the SQL (or COMMIT / ROLLBACK), and an
 * optional label a check uses to find its result.
 *
 * <p>Immutable and thread-safe.
 */
record ProbeStep(int session, String sql, String label) {
  static final String COMMIT = "COMMIT";
  static final String ROLLBACK = "ROLLBACK";

  String sessionName() {
    return "T" + (session + 1);
  }
}
