package dev.outrigger.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Netty reports a leaked buffer ({@code LEAK: ...}) only after the garbage collector found it and a later
 * allocation looked; so before a sidecar stops, collect its garbage and make it allocate once more.
 */
final class LeakReports {

    private LeakReports() {
    }

    static void provoke(Sidecar sidecar) {
        try {
            Process gc = new ProcessBuilder(Artifacts.jdkTool("jcmd").toString(),
                    String.valueOf(sidecar.process().pid()), "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!gc.waitFor(30, TimeUnit.SECONDS)) {
                gc.destroyForcibly();
            }
            Http.get(sidecar.adminUrl("/metrics"));
            Http.get(sidecar.adminUrl("/metrics"));
        } catch (IOException | UncheckedIOException e) {
            // best effort: the scan still sees every leak reported so far
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> find(Sidecar sidecar) {
        return sidecar.process().output().lines()
                .filter(line -> line.contains("LEAK:"))
                .map(line -> sidecar.process().name() + " (" + sidecar.process().pid() + "): " + line)
                .toList();
    }
}
