package dev.outrigger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rounds of one candidate at one point folded into medians, with latency both absolute and added over the
 * direct run of the same round and point.
 *
 * @param added          median over rounds of (candidate − direct) per percentile; null for direct itself
 * @param addedMin       smallest per-round added value per percentile
 * @param addedMax       largest per-round added value per percentile
 * @param cpuMicrosPerRequest median over rounds, per process
 */
record Summary(String candidate, String point, int rounds, Percentiles absolute, Percentiles added,
               Percentiles addedMin, Percentiles addedMax, double achievedRate, long errors,
               Map<String, Double> cpuMicrosPerRequest, double loadAverageMin, double loadAverageMax) {

    static List<Summary> of(List<Results.LatencyRun> runs) {
        Map<String, List<Results.LatencyRun>> byKey = new LinkedHashMap<>();
        for (Results.LatencyRun run : runs) {
            byKey.computeIfAbsent(run.candidate() + "\u0000" + run.point(), k -> new ArrayList<>()).add(run);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<Results.LatencyRun> group : byKey.values()) {
            summaries.add(summarize(group, runs));
        }
        return summaries;
    }

    private static Summary summarize(List<Results.LatencyRun> group, List<Results.LatencyRun> all) {
        Results.LatencyRun first = group.get(0);
        List<Percentiles> deltas = new ArrayList<>();
        if (!first.candidate().equals(Candidate.DIRECT)) {
            for (Results.LatencyRun run : group) {
                direct(all, run.point(), run.round())
                        .ifPresent(d -> deltas.add(run.latencyMicros().combine(d.latencyMicros(), (a, b) -> a - b)));
            }
        }
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String process : first.cpuMicrosPerRequest().keySet()) {
            cpu.put(process, median(group.stream().mapToDouble(r -> r.cpuMicrosPerRequest().get(process)).toArray()));
        }
        return new Summary(first.candidate(), first.point(), group.size(),
                fold(group.stream().map(Results.LatencyRun::latencyMicros).toList(), 0.5),
                deltas.isEmpty() ? null : fold(deltas, 0.5),
                deltas.isEmpty() ? null : fold(deltas, 0),
                deltas.isEmpty() ? null : fold(deltas, 1),
                median(group.stream().mapToDouble(Results.LatencyRun::achievedRate).toArray()),
                group.stream().mapToLong(Results.LatencyRun::errors).sum(),
                cpu,
                group.stream().mapToDouble(Results.LatencyRun::loadAverage).min().orElse(Double.NaN),
                group.stream().mapToDouble(Results.LatencyRun::loadAverage).max().orElse(Double.NaN));
    }

    private static Optional<Results.LatencyRun> direct(List<Results.LatencyRun> all, String point, int round) {
        return all.stream().filter(r -> r.candidate().equals(Candidate.DIRECT) && r.point().equals(point)
                && r.round() == round).findFirst();
    }

    /** Per percentile: the median (quantile 0.5), minimum (0) or maximum (1) over the list. */
    private static Percentiles fold(List<Percentiles> list, double quantile) {
        double[] result = new double[Percentiles.LABELS.length];
        for (int i = 0; i < result.length; i++) {
            int column = i;
            double[] values = list.stream().mapToDouble(p -> p.values()[column]).sorted().toArray();
            result[i] = quantile == 0.5 ? median(values) : values[(int) Math.round(quantile * (values.length - 1))];
        }
        return Percentiles.of(result);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
