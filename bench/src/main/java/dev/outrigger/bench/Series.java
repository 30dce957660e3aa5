package dev.outrigger.bench;

import dev.outrigger.bench.load.Load;
import dev.outrigger.bench.load.LoadGenerator;
import dev.outrigger.bench.load.LoadResult;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every candidate at every point, round after round, in an order that rotates each round (so no candidate
 * always follows the same neighbour), then a closed-loop saturation run of each.
 */
final class Series {

    /** An open-loop point: {@code rate} requests per second over {@code connections} connections. */
    record Point(int rate, int connections) {
        static Point parse(String text) {
            String[] rateConns = text.split("x");
            return new Point(Integer.parseInt(rateConns[0]), Integer.parseInt(rateConns[1]));
        }

        String label() {
            return rate + " req/s x " + connections + " conns";
        }
    }

    /**
     * @param jitWarmup closed-loop load per candidate before the first round, so the JVMs are compiled
     * @param warmup    load before each measured window (connections, caches), not recorded
     */
    record Settings(List<Point> points, int rounds, Duration jitWarmup, Duration warmup, Duration measure,
                    int saturationConnections, Duration saturationMeasure) {
    }

    private final Settings settings;
    private final Results results = Results.empty();
    private final Map<String, Histogram> merged = new HashMap<>();

    Series(Settings settings) {
        this.settings = settings;
    }

    Results run(List<Candidate> all) throws Exception {
        List<Candidate> runnable = all.stream().filter(Candidate::runnable).toList();
        for (Candidate c : all) {
            results.candidates().add(new Results.CandidateInfo(c.name(), c.description(),
                    List.copyOf(c.processes().keySet()), c.skipped()));
        }
        Map<String, Map<String, Double>> idleRss = rss(runnable);
        try (LoadGenerator generator = new LoadGenerator()) {
            // JIT warm-up, not recorded: half closed loop, half open loop at the first point. A sidecar pair warmed
            // in closed loop only stalled for about a second in its first open-loop window (paths where the event
            // loop goes idle between requests were still being compiled).
            Duration half = settings.jitWarmup().dividedBy(2);
            Point first = settings.points().get(0);
            for (Candidate c : runnable) {
                generator.run(c.target(), new Load(16, 0, Duration.ZERO, half), noListener());
                generator.run(c.target(), new Load(first.connections(), first.rate(), Duration.ZERO, half),
                        noListener());
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Point point : settings.points()) {
                    for (int i = 0; i < runnable.size(); i++) {
                        Candidate c = runnable.get((i + round - 1) % runnable.size());
                        latencyRun(generator, c, point, round);
                    }
                }
            }
            for (Candidate c : runnable) {
                saturationRun(generator, c);
            }
        }
        Map<String, Map<String, Double>> loadedRss = rss(runnable);
        idleRss.forEach((candidate, byProcess) -> {
            Map<String, Results.Memory> memory = new LinkedHashMap<>();
            byProcess.forEach((label, idle) -> memory.put(label,
                    new Results.Memory(idle, loadedRss.get(candidate).get(label))));
            results.memory().put(candidate, memory);
        });
        for (Point point : settings.points()) {
            Map<String, List<double[]>> byCandidate = new LinkedHashMap<>();
            for (Candidate c : runnable) {
                byCandidate.put(c.name(), curve(merged.get(c.name() + "@" + point.label())));
            }
            results.curves().put(point.label(), byCandidate);
        }
        return results;
    }

    private void latencyRun(LoadGenerator generator, Candidate c, Point point, int round) throws Exception {
        Load load = new Load(point.connections(), point.rate(), settings.warmup(), settings.measure());
        Measured m = measure(generator, c, load);
        results.latency().add(new Results.LatencyRun(c.name(), point.label(), round, m.loadAverage,
                Percentiles.of(m.result.latencyNanos()), m.result.responses(), m.result.errors(),
                m.result.achievedRate(), m.cpuPerRequest));
        merged.computeIfAbsent(c.name() + "@" + point.label(), k -> new Histogram(3)).add(m.result.latencyNanos());
        System.err.printf("round %d  %-28s %-26s p50 %7.1f µs  p99 %8.1f µs  %6.0f req/s  errors %d  load %.2f%n",
                round, c.name(), point.label(), m.result.latencyNanos().getValueAtPercentile(50) / 1000.0,
                m.result.latencyNanos().getValueAtPercentile(99) / 1000.0, m.result.achievedRate(),
                m.result.errors(), m.loadAverage);
    }

    private void saturationRun(LoadGenerator generator, Candidate c) throws Exception {
        Load load = new Load(settings.saturationConnections(), 0, settings.warmup(), settings.saturationMeasure());
        Measured m = measure(generator, c, load);
        results.saturation().add(new Results.SaturationRun(c.name(), load.connections(), m.loadAverage,
                m.result.achievedRate(), m.result.errors(), Percentiles.of(m.result.latencyNanos()), m.cpuPerRequest));
        System.err.printf("saturation %-28s %8.0f req/s  errors %d  load %.2f%n", c.name(), m.result.achievedRate(),
                m.result.errors(), m.loadAverage);
    }

    private record Measured(LoadResult result, Map<String, Double> cpuPerRequest, double loadAverage) {
    }

    private static Measured measure(LoadGenerator generator, Candidate c, Load load) throws Exception {
        Map<String, Double> before = new LinkedHashMap<>();
        Map<String, Double> after = new LinkedHashMap<>();
        double loadAverage = ProcessStats.loadAverage();
        LoadResult result = generator.run(c.target(), load, new LoadGenerator.WindowListener() {
            @Override
            public void opened() throws IOException {
                readCpu(c, before);
            }

            @Override
            public void closed() throws IOException {
                readCpu(c, after);
            }
        });
        Map<String, Double> perRequest = new LinkedHashMap<>();
        before.forEach((label, cpu) -> perRequest.put(label,
                result.responses() == 0 ? Double.NaN : (after.get(label) - cpu) / result.responses()));
        return new Measured(result, perRequest, loadAverage);
    }

    private static void readCpu(Candidate c, Map<String, Double> into) throws IOException {
        for (Map.Entry<String, Long> process : c.processes().entrySet()) {
            into.put(process.getKey(), ProcessStats.cpuMicros(process.getValue()));
        }
    }

    private static Map<String, Map<String, Double>> rss(List<Candidate> candidates) throws IOException {
        Map<String, Map<String, Double>> rss = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Map<String, Double> byProcess = new LinkedHashMap<>();
            for (Map.Entry<String, Long> process : c.processes().entrySet()) {
                byProcess.put(process.getKey(), ProcessStats.rssMiB(process.getValue()));
            }
            rss.put(c.name(), byProcess);
        }
        return rss;
    }

    /** (percentile, µs) pairs from p0 to p99.99, evenly spaced on a log scale of 1/(1-p). */
    private static List<double[]> curve(Histogram nanos) {
        List<double[]> points = new ArrayList<>();
        for (double nines = 0; nines <= 4.0001; nines += 0.1) {
            double percentile = 100 * (1 - Math.pow(10, -nines));
            points.add(new double[]{percentile, nanos.getValueAtPercentile(percentile) / 1000.0});
        }
        return points;
    }

    private static LoadGenerator.WindowListener noListener() {
        return new LoadGenerator.WindowListener() {
            @Override
            public void opened() {
            }

            @Override
            public void closed() {
            }
        };
    }
}
