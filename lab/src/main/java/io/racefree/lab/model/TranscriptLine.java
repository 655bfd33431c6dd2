package io.racefree.lab.model;

/**
 * One statement of a forced interleaving and what its session saw.
 *
 * @param step the statement's position in the script's global order (1-based)
 * @param variant which interleaving of the anomaly this line belongs to
 * @param session the session that ran it (T1, T2, T3)
 * @param sql the statement, or COMMIT / ROLLBACK
 * @param result rows, update count, "ok" or the error with its codes
 * @param blocked true when the statement was seen waiting on a lock before it completed
 * @param completedAfterStep the last step submitted when this one completed; larger than {@code
 *     step} when it was blocked or queued behind a blocked statement
 *     <p>Immutable and thread-safe.
 */
public record TranscriptLine(
    int step,
    String variant,
    String session,
    String sql,
    String result,
    boolean blocked,
    int completedAfterStep) {}
