package io.racefree.bench.harness;

/** What a contender stands for in the comparison. */
public enum Role {
  /** The library under test. */
  RACEFREE,
  /** One hand-written JDBC statement per call: what a perfect library costs. */
  FLOOR,
  /** Fast but wrong: its anomalies are reported next to its speed. */
  NAIVE,
  /** A usual fix: table lock, SERIALIZABLE with retry, SELECT ... FOR UPDATE. */
  FIX,
  /** What a Java user would pick instead: jOOQ, JPA/Hibernate. */
  ALTERNATIVE
}
