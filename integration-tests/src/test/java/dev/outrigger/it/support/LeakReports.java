package dev.outrigger.it.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Netty reports a leaked buffer ({@code LEAK: ...}) only after the garbage collector found it and a later
 * allocation looked. Sidecars under test collect garbage whenever they idle for {@link #GC_INTERVAL_MILLIS}
 * (G1 periodic collections; attaching {@code jcmd} is not possible everywhere), so before one stops it is
 * given that long, with a few admin requests to make it allocate.
 */
final class LeakReports {

    static final int GC_INTERVAL_MILLIS = 300;

    /** Options for a sidecar's JVM: paranoid leak detection, and idle-time garbage collections. */
    static final List<String> JVM_OPTIONS = List.of(
            "-Dio.netty.leakDetection.level=paranoid",
            "-Dio.netty.leakDetection.targetRecords=8",
            "-XX:G1PeriodicGCInterval=" + GC_INTERVAL_MILLIS);

    private static final Duration SETTLE = Duration.ofMillis(4L * GC_INTERVAL_MILLIS);

    private LeakReports() {
    }

    static void provoke(Sidecar sidecar) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        try {
            do {
                Thread.sleep(GC_INTERVAL_MILLIS / 2);
                Http.get(sidecar.adminUrl("/metrics"));
            } while (System.nanoTime() < deadline);
        } catch (UncheckedIOException e) {
            // the admin listener is gone: the scan still sees every leak reported so far
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> find(Sidecar sidecar) {
        return sidecar.process().output().lines()
                .filter(line -> line.contains("LEAK:"))
                .map(line -> sidecar.process().name() + " (pid " + sidecar.process().pid() + "): " + line)
                .toList();
    }
}
