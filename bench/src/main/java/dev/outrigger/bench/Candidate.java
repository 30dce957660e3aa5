package dev.outrigger.bench;

import dev.outrigger.bench.load.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One path under test, as the driver script describes it in a tab-separated line:
 * {@code name, description, port, host header, path, processes (label=pid,...)}; or
 * {@code name, description, SKIP, reason} for a path that cannot run with this build.
 *
 * @param processes the processes the request crosses, by label (e.g. {@code caller-sidecar}, {@code origin})
 * @param skipped   why the path was not measured, or null
 */
record Candidate(String name, String description, Target target, Map<String, Long> processes, String skipped) {

    static final String DIRECT = "direct";

    static List<Candidate> parse(List<String> lines) {
        List<Candidate> candidates = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length == 4 && f[2].equals("SKIP")) {
                candidates.add(new Candidate(f[0], f[1], null, Map.of(), f[3]));
                continue;
            }
            if (f.length != 6) {
                throw new IllegalArgumentException("want 6 tab-separated fields: " + line);
            }
            Map<String, Long> processes = new LinkedHashMap<>();
            for (String process : f[5].split(",")) {
                String[] labelPid = process.split("=");
                processes.put(labelPid[0], Long.parseLong(labelPid[1]));
            }
            candidates.add(new Candidate(f[0], f[1], new Target("127.0.0.1", Integer.parseInt(f[2]), f[4], f[3]),
                    processes, null));
        }
        if (candidates.stream().noneMatch(c -> c.name().equals(DIRECT))) {
            throw new IllegalArgumentException("no '" + DIRECT + "' candidate: every round needs the control");
        }
        return candidates;
    }

    boolean runnable() {
        return skipped == null;
    }
}
