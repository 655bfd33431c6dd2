package io.racefree.lab;

/**
 * The lab's exit codes, documented in docs/lab.md.
 *
 * <p>Constants only; thread-safe.
 */
public final class ExitCodes {
  /** Everything ran, and the racefree strategy showed no FORBIDDEN outcome. */
  public static final int OK = 0;
  /** The racefree strategy showed a FORBIDDEN outcome somewhere. */
  public static final int RACEFREE_FAILED = 1;
  /** Bad arguments, an unreachable database, or another error that stopped the lab. */
  public static final int ERROR = 2;

  private ExitCodes() {}
}
