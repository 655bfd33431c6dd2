package io.racefree.bench.harness;

/** One operation of a contender, run over and over by each benchmark thread. */
@FunctionalInterface
public interface Call {
  /** Runs one operation; anything it throws is an error that reached the caller. */
  void run(Tally tally) throws Exception;
}
