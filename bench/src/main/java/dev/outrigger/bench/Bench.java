package dev.outrigger.bench;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's Java side, driven by scripts/bench:
 * <pre>
 *   series  --candidates FILE --out FILE --points 1000x16,... --rounds N --jit-warmup-ms N --warmup-ms N --measure-ms N
 *           --saturation-conns N --saturation-ms N
 *   startup --out FILE --runs N --port N --request-host H --request-path P --variant NAME=COMMAND ...
 *   wall    --out FILE --runs N --variant NAME=COMMAND ...
 *   calls   --out FILE --runs N --variant NAME=COMMAND ...   (each COMMAND prints per-call-median-us=...)
 *   report  --dir DIR --setup FILE      (reads DIR/series.json, startup.json, agent.json, agent-calls.json)
 * </pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: Bench series|startup|wall|calls|report OPTIONS");
        }
        Options o = new Options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "series" -> {
                Series.Settings settings = new Series.Settings(
                        Arrays.stream(o.one("points").split(",")).map(Series.Point::parse).toList(),
                        o.integer("rounds"), Duration.ofMillis(o.integer("jit-warmup-ms")),
                        Duration.ofMillis(o.integer("warmup-ms")),
                        Duration.ofMillis(o.integer("measure-ms")), o.integer("saturation-conns"),
                        Duration.ofMillis(o.integer("saturation-ms")));
                List<Candidate> candidates = Candidate.parse(Files.readAllLines(new File(o.one("candidates")).toPath()));
                Report.JSON.writeValue(new File(o.one("out")), new Series(settings).run(candidates));
            }
            case "startup" -> {
                File out = new File(o.one("out"));
                String request = "GET " + o.one("request-path") + " HTTP/1.1\r\nHost: " + o.one("request-host")
                        + "\r\nConnection: close\r\n\r\n";
                Report.JSON.writeValue(out, Startup.firstOk(o.variants(), o.integer("runs"), o.integer("port"),
                        request, out.getParentFile()));
            }
            case "wall" -> {
                File out = new File(o.one("out"));
                Report.JSON.writeValue(out, Startup.wallTime(o.variants(), o.integer("runs"), out.getParentFile()));
            }
            case "calls" -> {
                File out = new File(o.one("out"));
                Report.JSON.writeValue(out, Startup.perCall(o.variants(), o.integer("runs"), out.getParentFile()));
            }
            case "report" -> {
                File dir = new File(o.one("dir"));
                new Report(dir, Report.JSON.readValue(new File(dir, "series.json"), Results.class),
                        variants(new File(dir, "startup.json")), variants(new File(dir, "agent.json")),
                        variants(new File(dir, "agent-calls.json")),
                        Files.readAllLines(new File(o.one("setup")).toPath())).write();
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0); // Netty's and the JDK's non-daemon leftovers must not hold the driver
    }

    private static List<Startup.Variant> variants(File file) throws java.io.IOException {
        return file.exists() ? Report.JSON.readValue(file, new TypeReference<>() { }) : List.of();
    }

    /** {@code --name value} pairs; {@code --variant} may repeat. */
    private static final class Options {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        Options(String[] args) {
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option, got " + args[i]);
                }
                values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
            }
        }

        String one(String name) {
            List<String> list = values.get(name);
            if (list == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return list.get(0);
        }

        int integer(String name) {
            return Integer.parseInt(one(name));
        }

        Map<String, String> variants() {
            Map<String, String> variants = new LinkedHashMap<>();
            for (String v : values.getOrDefault("variant", List.of())) {
                variants.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
            }
            return variants;
        }
    }
}
