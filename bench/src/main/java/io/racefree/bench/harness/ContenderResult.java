package io.racefree.bench.harness;

import java.util.Map;

/**
 * One contender's figures in one scenario. Throughput and latencies come from the measured rounds
 * only; errors, retries and anomalies from every round, warm-up included.
 *
 * @param calls calls in every round, warm-up included (the base for errors and retries)
 * @param extras workload-specific figures such as round trips or heap peak
 */
public record ContenderResult(
    String name,
    Role role,
    String description,
    long measuredCalls,
    double opsPerSecond,
    double p50Micros,
    double p99Micros,
    long calls,
    long errors,
    String firstError,
    long retries,
    long anomalies,
    String anomalyDescription,
    Map<String, Object> extras) {}
