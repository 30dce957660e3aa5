package dev.outrigger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issue 5's targets, judged on what this run measured. */
final class Targets {
    static final String MESH = "outrigger-pair-mtls";
    static final String PLAIN_PAIR = "outrigger-pair-plain";
    static final String ONE_HOP = "outrigger-1hop";
    static final String ONE_HOP_BARE = "outrigger-1hop-bare";
    static final String NGINX_HOP = "nginx-1hop";
    static final String NGINX_PAIR = "nginx-pair-tls";

    /** @param verdict "met", "missed by ...", or "not measured: ..." */
    record Verdict(String target, String measured, String verdict) {
    }

    private final List<Summary> at;
    private final Results results;
    private final List<Startup.Variant> startup;

    /** @param at the summaries of the reference point (1000 req/s, 16 connections when measured) */
    Targets(List<Summary> at, Results results, List<Startup.Variant> startup) {
        this.at = at;
        this.results = results;
        this.startup = startup;
    }

    List<Verdict> judge() {
        List<Verdict> verdicts = new ArrayList<>();
        Optional<Summary> mesh = find(MESH);
        Optional<Summary> plain = find(PLAIN_PAIR);
        Optional<Summary> nginxPair = find(NGINX_PAIR);
        String pairNote = mesh.isPresent() ? "" : plain.map(p -> "; mTLS pair not built yet, plain pair: "
                + us(p.added().p50()) + " p50 / " + us(p.added().p99()) + " p99").orElse("");
        verdicts.add(atMost("mTLS pair added p50 <= 250 µs", mesh.map(s -> s.added().p50()), 250, pairNote));
        verdicts.add(ratio("mTLS pair added p50 <= 1.25x nginx TLS pair", mesh.map(s -> s.added().p50()),
                nginxPair.map(s -> s.added().p50()), 1.25, true, plain.isPresent() && nginxPair.isPresent()
                        ? "; plain pair " + us(plain.get().added().p50()) + " vs nginx TLS pair "
                        + us(nginxPair.get().added().p50()) : ""));
        verdicts.add(atMost("mTLS pair added p99 <= 500 µs", mesh.map(s -> s.added().p99()), 500, pairNote));
        verdicts.add(ratio("one-hop saturation >= 0.8x nginx", saturation(ONE_HOP), saturation(NGINX_HOP), 0.8,
                false, ""));
        verdicts.add(ratio("CPU per request per sidecar <= 1.5x nginx (one hop)", cpu(ONE_HOP, "sidecar"),
                cpu(NGINX_HOP, "nginx"), 1.5, true, ""));
        verdicts.add(atMost("sidecar RSS under load <= 96 MB", maxSidecarRss(), 96, ""));
        verdicts.add(atMost("first proxied 200 within 1 s of start",
                startup.stream().findFirst().map(v -> v.medianMillis()), 1000, ""));
        verdicts.add(atMost("resilience on but idle costs <= 10 µs at p50",
                find(ONE_HOP).flatMap(full -> find(ONE_HOP_BARE).map(bare -> full.absolute().p50()
                        - bare.absolute().p50())), 10, " (one hop with retries, breaker and least-request over 3 "
                        + "endpoints minus one hop without them; JMH has the ns-level view)"));
        return verdicts;
    }

    private Optional<Summary> find(String candidate) {
        return at.stream().filter(s -> s.candidate().equals(candidate)).findFirst();
    }

    private Optional<Double> saturation(String candidate) {
        return results.saturation().stream().filter(s -> s.candidate().equals(candidate))
                .map(Results.SaturationRun::requestsPerSecond).findFirst();
    }

    private Optional<Double> cpu(String candidate, String processLabelPart) {
        return find(candidate).flatMap(s -> s.cpuMicrosPerRequest().entrySet().stream()
                .filter(e -> e.getKey().contains(processLabelPart)).map(Map.Entry::getValue).findFirst());
    }

    private Optional<Double> maxSidecarRss() {
        return results.memory().entrySet().stream().filter(e -> e.getKey().startsWith("outrigger"))
                .flatMap(e -> e.getValue().entrySet().stream())
                .filter(e -> e.getKey().contains("sidecar"))
                .map(e -> e.getValue().afterLoadMiB()).max(Double::compare);
    }

    private static Verdict atMost(String target, Optional<Double> value, double limit, String note) {
        if (value.isEmpty()) {
            return new Verdict(target, "–" + note, "not measured");
        }
        double v = value.get();
        return new Verdict(target, num(v) + note, v <= limit ? "met" : "missed by " + num(v - limit)
                + " (" + x(v / limit) + " the limit)");
    }

    private static Verdict ratio(String target, Optional<Double> ours, Optional<Double> theirs, double limit,
                                 boolean atMost, String note) {
        if (ours.isEmpty() || theirs.isEmpty()) {
            return new Verdict(target, "–" + note, "not measured");
        }
        if (theirs.get() <= 0) {
            return new Verdict(target, num(ours.get()) + " vs " + num(theirs.get()) + note,
                    "not judged: the reference is not positive (noise)");
        }
        double r = ours.get() / theirs.get();
        boolean met = atMost ? r <= limit : r >= limit;
        return new Verdict(target, num(ours.get()) + " vs " + num(theirs.get()) + " = " + x(r) + note,
                met ? "met" : "missed (" + x(r) + " vs " + x(limit) + ")");
    }

    private static String num(double v) {
        return String.format("%.1f", v);
    }

    private static String us(double v) {
        return String.format("%.0f µs", v);
    }

    private static String x(double v) {
        return String.format("%.2fx", v);
    }
}
