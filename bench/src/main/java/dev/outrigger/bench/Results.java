package dev.outrigger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one series measured; written to series.json and read back by the report.
 *
 * @param curves latency by percentile per point label, then per candidate, all rounds merged
 */
record Results(List<CandidateInfo> candidates, List<LatencyRun> latency, List<SaturationRun> saturation,
               Map<String, Map<String, List<double[]>>> curves, Map<String, Map<String, Memory>> memory) {

    static Results empty() {
        return new Results(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    /** A candidate as reported; {@code skipped} says why it was not measured. */
    record CandidateInfo(String name, String description, List<String> processes, String skipped) {
    }

    /**
     * One open-loop window.
     *
     * @param cpuMicrosPerRequest per process label: CPU time (user + system) over the window divided by responses
     */
    record LatencyRun(String candidate, String point, int round, double loadAverage, Percentiles latencyMicros,
                      long responses, long errors, double achievedRate, Map<String, Double> cpuMicrosPerRequest) {
    }

    record SaturationRun(String candidate, int connections, double loadAverage, double requestsPerSecond,
                         long errors, Percentiles latencyMicros, Map<String, Double> cpuMicrosPerRequest) {
    }

    /** Resident memory in MiB before any load and after the whole series. */
    record Memory(double idleMiB, double afterLoadMiB) {
    }
}
