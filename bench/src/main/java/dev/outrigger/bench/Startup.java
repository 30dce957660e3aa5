package dev.outrigger.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Costs measured over whole processes, with variants interleaved run by run: the time from exec to the first 200
 * through a started proxy ({@link #firstOk}), the wall time of a process that runs to its end ({@link #wallTime}),
 * or the per-call median a process reports when it ends ({@link #perCall}).
 */
final class Startup {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final String PER_CALL = "per-call-median-us=";

    /**
     * @param millis each run's time
     * @param rssMiB each run's resident memory at the first 200 (empty for wall-time runs)
     */
    record Variant(String name, String command, List<Double> millis, List<Double> rssMiB) {
        double medianMillis() {
            return median(millis);
        }

        static double median(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        }
    }

    private Startup() {
    }

    /** {@code variants}: name to command line (split on spaces). The command's output goes to {@code logDir}. */
    static List<Variant> firstOk(Map<String, String> variants, int runs, int port, String request, File logDir)
            throws Exception {
        byte[] requestBytes = request.getBytes(StandardCharsets.US_ASCII);
        return interleave(variants, runs, (variant, log) -> {
            long start = System.nanoTime();
            Process process = start(variant.command(), log);
            try {
                while (!answers200(port, requestBytes)) {
                    if (!process.isAlive() || System.nanoTime() - start > GIVE_UP_NANOS) {
                        throw new IOException(variant.name() + " never answered 200; see " + log);
                    }
                    TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
                }
                variant.millis().add((System.nanoTime() - start) / 1e6);
                variant.rssMiB().add(ProcessStats.rssMiB(process.pid()));
            } finally {
                stop(process);
            }
        }, logDir);
    }

    static List<Variant> wallTime(Map<String, String> variants, int runs, File logDir) throws Exception {
        return interleave(variants, runs, (variant, log) -> {
            long start = System.nanoTime();
            Process process = start(variant.command(), log);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                stop(process);
                throw new IOException(variant.name() + " failed; see " + log);
            }
            variant.millis().add((System.nanoTime() - start) / 1e6);
        }, logDir);
    }

    /** Runs each command to its end; a run's figure is the last {@code per-call-median-us=} value it printed. */
    static List<Variant> perCall(Map<String, String> variants, int runs, File logDir) throws Exception {
        return interleave(variants, runs, (variant, log) -> {
            Process process = start(variant.command(), log);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                stop(process);
                throw new IOException(variant.name() + " failed; see " + log);
            }
            variant.millis().add(lastPerCallMicros(log) / 1e3);
        }, logDir);
    }

    private static double lastPerCallMicros(File log) throws IOException {
        List<String> lines = Files.readAllLines(log.toPath());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(PER_CALL)) {
                return Double.parseDouble(lines.get(i).substring(PER_CALL.length()));
            }
        }
        throw new IOException("no " + PER_CALL + " line in " + log);
    }

    private interface Run {
        void once(Variant variant, File log) throws Exception;
    }

    private static List<Variant> interleave(Map<String, String> commands, int runs, Run run, File logDir)
            throws Exception {
        Map<String, Variant> variants = new LinkedHashMap<>();
        commands.forEach((name, command) -> variants.put(name,
                new Variant(name, command, new ArrayList<>(), new ArrayList<>())));
        for (int i = 0; i < runs; i++) {
            for (Variant variant : variants.values()) {
                run.once(variant, new File(logDir, "startup-" + variant.name() + ".log"));
            }
        }
        return List.copyOf(variants.values());
    }

    private static Process start(String command, File log) throws IOException {
        return new ProcessBuilder(Arrays.asList(command.trim().split(" +")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** One request on a new connection; true if the status is 200. Raw socket: no client library warm-up. */
    static boolean answers200(int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200");
        } catch (IOException notYet) {
            return false;
        }
    }
}
