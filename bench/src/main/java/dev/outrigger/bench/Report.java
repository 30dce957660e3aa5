package dev.outrigger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.outrigger.bench.report.Plot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes report.md, report.json and latency.png from one run's parts. */
final class Report {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final File dir;
    private final Results results;
    private final List<Startup.Variant> startup;
    private final List<Startup.Variant> agent;
    private final List<Startup.Variant> agentCalls;
    private final List<String> setup;
    private final List<Summary> summaries;
    private final StringBuilder md = new StringBuilder();

    Report(File dir, Results results, List<Startup.Variant> startup, List<Startup.Variant> agent,
           List<Startup.Variant> agentCalls, List<String> setup) {
        this.dir = dir;
        this.results = results;
        this.startup = startup;
        this.agent = agent;
        this.agentCalls = agentCalls;
        this.setup = setup;
        this.summaries = Summary.of(results.latency());
    }

    void write() throws IOException {
        Machine machine = Machine.describe();
        String reference = referencePoint();
        List<Targets.Verdict> verdicts = new Targets(
                summaries.stream().filter(s -> s.point().equals(reference)).toList(), results, startup).judge();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("setup", setup);
        json.put("candidates", results.candidates());
        json.put("summaries", summaries);
        json.put("saturation", results.saturation());
        json.put("memory", results.memory());
        json.put("startup", startup);
        json.put("agent", agent);
        json.put("agentCalls", agentCalls);
        json.put("targets", verdicts);
        json.put("runs", results.latency());
        JSON.writeValue(new File(dir, "report.json"), json);

        Plot.write(new File(dir, "latency.png"), "Latency by percentile, " + reference
                + " (all rounds merged)", results.curves().getOrDefault(reference, Map.of()));

        line("# Outrigger benchmark");
        line("");
        for (String s : setup) {
            if (!s.isBlank()) {
                line("- " + s);
            }
        }
        line("- machine: " + machine.cpus() + " CPUs (" + machine.cpuModel() + "), kernel " + machine.kernel()
                + "; report JVM " + machine.reportJvm());
        line("- load average (1 min) during the latency runs: " + range(results.latency().stream()
                .mapToDouble(Results.LatencyRun::loadAverage).toArray()));
        line("- latency is from each request's intended send time (open loop); 'added' = candidate minus the direct"
                + " run of the same round and point, median over rounds [min..max]; CPU = utime+stime from"
                + " /proc/PID/stat over the measured window / responses (10 ms tick resolution)");
        line("- a load average above the CPU count means other work preempted the processes under test and the load"
                + " generator: tails (p90 and up) and saturation then measure that contention more than the proxies;"
                + " negative 'added' values are that noise");
        line("");
        line("![latency by percentile](latency.png)");
        line("");
        targets(verdicts);
        comparison(reference);
        perTopology();
        saturation();
        memory();
        startupTables();
        skipped();
        Files.writeString(new File(dir, "report.md").toPath(), md);
    }

    private String referencePoint() {
        return summaries.stream().map(Summary::point).filter(p -> p.equals("1000 req/s x 16 conns")).findFirst()
                .orElse(summaries.isEmpty() ? "none" : summaries.get(0).point());
    }

    private void targets(List<Targets.Verdict> verdicts) {
        line("## Issue 5 targets (at the reference point where latency applies)");
        line("");
        line("| target | measured | verdict |");
        line("|---|---|---|");
        for (Targets.Verdict v : verdicts) {
            line("| " + v.target() + " | " + v.measured() + " | " + v.verdict() + " |");
        }
        line("");
    }

    private void comparison(String point) {
        line("## All topologies at " + point + " (µs)");
        line("");
        line("| topology | p50 | p90 | p99 | p99.9 | max | added p50 | added p90 | added p99 | added p99.9 | added max | req/s | errors |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Summary s : summaries) {
            if (s.point().equals(point)) {
                line("| " + s.candidate() + " | " + cells(s.absolute()) + " | "
                        + (s.added() == null ? "– | – | – | – | –" : cells(s.added())) + " | "
                        + String.format("%.0f", s.achievedRate()) + " | " + s.errors() + " |");
            }
        }
        line("");
    }

    private void perTopology() {
        line("## Per topology");
        line("");
        for (Results.CandidateInfo c : results.candidates()) {
            if (c.skipped() != null) {
                continue;
            }
            line("### " + c.name() + ": " + c.description());
            line("");
            line("| point | rounds | p50 | p90 | p99 | p99.9 | max | added p50 [range] | added p90 | added p99 [range]"
                    + " | added p99.9 | added max | req/s | errors | CPU µs/req | load avg |");
            line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (Summary s : summaries) {
                if (!s.candidate().equals(c.name())) {
                    continue;
                }
                String added = s.added() == null ? "(control) | – | – | – | –" : String.format(
                        "%.0f [%.0f..%.0f] | %.0f | %.0f [%.0f..%.0f] | %.0f | %.0f",
                        s.added().p50(), s.addedMin().p50(), s.addedMax().p50(), s.added().p90(),
                        s.added().p99(), s.addedMin().p99(), s.addedMax().p99(), s.added().p999(), s.added().max());
                line("| " + s.point() + " | " + s.rounds() + " | " + cells(s.absolute()) + " | " + added + " | "
                        + String.format("%.0f", s.achievedRate()) + " | " + s.errors() + " | "
                        + cpu(s.cpuMicrosPerRequest()) + " | "
                        + String.format("%.2f..%.2f", s.loadAverageMin(), s.loadAverageMax()) + " |");
            }
            line("");
        }
    }

    private void saturation() {
        line("## Saturation (closed loop)");
        line("");
        line("| topology | conns | req/s | vs direct | errors | p50 | p99 | CPU µs/req | load avg |");
        line("|---|---|---|---|---|---|---|---|---|");
        double direct = results.saturation().stream().filter(s -> s.candidate().equals(Candidate.DIRECT))
                .mapToDouble(Results.SaturationRun::requestsPerSecond).findFirst().orElse(Double.NaN);
        for (Results.SaturationRun s : results.saturation()) {
            line(String.format("| %s | %d | %.0f | %.2fx | %d | %.0f | %.0f | %s | %.2f |", s.candidate(),
                    s.connections(), s.requestsPerSecond(), s.requestsPerSecond() / direct, s.errors(),
                    s.latencyMicros().p50(), s.latencyMicros().p99(), cpu(s.cpuMicrosPerRequest()), s.loadAverage()));
        }
        line("");
    }

    private void memory() {
        line("## Resident memory (VmRSS, MiB): before any load, after the whole series");
        line("");
        line("| topology | process | idle | after load |");
        line("|---|---|---|---|");
        results.memory().forEach((candidate, byProcess) -> byProcess.forEach((process, m) ->
                line(String.format("| %s | %s | %.1f | %.1f |", candidate, process, m.idleMiB(), m.afterLoadMiB()))));
        line("");
    }

    private void startupTables() {
        line("## Start-up");
        line("");
        line("| what | runs | median ms | min..max ms | RSS at first 200 (MiB) |");
        line("|---|---|---|---|---|");
        List<Startup.Variant> all = new ArrayList<>(startup);
        all.addAll(agent);
        for (Startup.Variant v : all) {
            double[] ms = v.millis().stream().mapToDouble(Double::doubleValue).toArray();
            line(String.format("| %s | %d | %.0f | %s | %s |", v.name(), ms.length, v.medianMillis(), range(ms),
                    v.rssMiB().isEmpty() ? "–" : range(v.rssMiB().stream().mapToDouble(Double::doubleValue).toArray())));
        }
        if (agent.size() == 3) { // the app without an agent, with one that does nothing, with Outrigger's
            double none = agent.get(0).medianMillis();
            double empty = agent.get(1).medianMillis();
            double outrigger = agent.get(2).medianMillis();
            line("");
            line(String.format("Agent start-up cost (median, same app and same call): %+.0f ms, of which %+.0f ms is "
                    + "the JVM's own handling of any -javaagent (an agent that does nothing) and %+.0f ms Outrigger's.",
                    outrigger - none, empty - none, outrigger - empty));
        }
        agentCallCost();
        line("");
        line("Commands:");
        line("");
        all.addAll(agentCalls);
        for (Startup.Variant v : all) {
            line("- " + v.name() + ": `" + v.command() + "`");
        }
        line("");
    }

    /** The agent's cost per request: sequential calls of one JIT-warm app, explicit to the sidecar or redirected. */
    private void agentCallCost() {
        if (agentCalls.size() != 2) {
            return;
        }
        line("");
        line("| per call, sequential, one keep-alive connection | runs | median of the runs' medians, µs | range, µs |");
        line("|---|---|---|---|");
        for (Startup.Variant v : agentCalls) {
            double[] micros = v.millis().stream().mapToDouble(ms -> ms * 1e3).toArray();
            line(String.format("| %s | %d | %.0f | %s |", v.name(), micros.length, v.medianMillis() * 1e3,
                    range(micros)));
        }
        line("");
        line(String.format("Agent cost per request (median): %+.1f µs.",
                (agentCalls.get(1).medianMillis() - agentCalls.get(0).medianMillis()) * 1e3));
    }

    private void skipped() {
        List<Results.CandidateInfo> skipped = results.candidates().stream().filter(c -> c.skipped() != null).toList();
        if (skipped.isEmpty()) {
            return;
        }
        line("## Not measured");
        line("");
        for (Results.CandidateInfo c : skipped) {
            line("- " + c.name() + " (" + c.description() + "): " + c.skipped());
        }
        line("");
    }

    private static String cells(Percentiles p) {
        return String.format("%.0f | %.0f | %.0f | %.0f | %.0f", p.p50(), p.p90(), p.p99(), p.p999(), p.max());
    }

    private static String cpu(Map<String, Double> perProcess) {
        List<String> parts = new ArrayList<>();
        perProcess.forEach((process, micros) -> parts.add(process + " " + String.format("%.0f", micros)));
        return String.join(", ", parts);
    }

    private static String range(double[] values) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return values.length == 0 ? "–" : String.format(min < 10 ? "%.2f..%.2f" : "%.0f..%.0f", min, max);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
