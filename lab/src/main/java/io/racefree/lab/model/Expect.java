package io.racefree.lab.model;

/**
 * How a declared outcome of a race is judged, in the spirit of jcstress's {@code Expect}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Expect {
  /** The outcome is correct behaviour. */
  ACCEPTABLE,
  /** Correct data, but worth a look (for example a deadlock the caller has to retry). */
  INTERESTING,
  /** Wrong data or a broken contract: the run fails. */
  FORBIDDEN
}
