package dev.outrigger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.it.support.Artifacts;
import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import dev.outrigger.samples.ShutdownCallerApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent and its sidecar starting and stopping together: the first call waits for a sidecar that starts late,
 * a lease makes the sidecar exit with its app (even one killed with SIGKILL) or, with a first-lease window, without
 * one that never came, and an app's shutdown hook still
 * calls through the sidecar when both get SIGTERM at once.
 */
class LifecycleTest {

    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final String URL = "http://greeter/hello";

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void theFirstCallWaitsForASidecarThatStartsAfterTheApp() {
        Upstream upstream = processes.upstream("a", "healthy");
        SidecarPorts ports = SidecarPorts.pick();
        ChildProcess app = startApp(ports, "wait=60s");

        processes.sidecar(ports, services(upstream));

        assertTrue(app.awaitLine(line -> line.startsWith("call=start "), EXIT).startsWith("call=start status=200 "),
                app::output);
    }

    @Test
    void theSidecarExitsWithItsAppEvenWhenTheAppIsKilled() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), services(upstream)
                + "lifecycle: {exit-with-lease: true}\n");
        ChildProcess app = startRunningApp(sidecar);

        ProcessHandle.of(app.pid()).orElseThrow().destroyForcibly();

        assertEquals(0, sidecar.process().awaitExit(EXIT), sidecar.process()::output);
        assertTrue(sidecar.process().output().contains("the last lease ended"), sidecar.process()::output);
    }

    @Test
    void aSidecarWhoseJobEndedBeforeItStartedExitsAfterItsFirstLeaseWindow() {
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(),
                "lifecycle: {exit-with-lease: true, first-lease-within: 3s}\n");

        assertEquals(0, sidecar.process().awaitExit(EXIT), sidecar.process()::output);
        assertTrue(sidecar.process().output().contains("no app took a lease within 3000 ms"),
                sidecar.process()::output);
    }

    @Test
    void aShutdownHookStillCallsThroughTheSidecarWhenBothGetSigtermTogether() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), services(upstream) + "lifecycle: {drain: 20s}\n");
        ChildProcess app = startRunningApp(sidecar);

        // The sidecar first: without the lease it would stop accepting before the app's hook calls.
        ProcessHandle.of(sidecar.process().pid()).orElseThrow().destroy();
        ProcessHandle.of(app.pid()).orElseThrow().destroy();

        app.awaitExit(EXIT);
        assertTrue(app.stdout().contains("call=shutdown status=200 "), app::output);
        assertEquals(143, sidecar.process().awaitExit(EXIT), sidecar.process()::output);
        assertTrue(sidecar.process().output().contains("stopping after "), sidecar.process()::output);
        assertEquals(2, upstream.count());
    }

    /** Starts the app with a lease on {@code sidecar} and waits until its first call is done and its lease held. */
    private ChildProcess startRunningApp(Sidecar sidecar) {
        ChildProcess app = startApp(sidecar.ports(), "lease=on,admin=127.0.0.1:" + sidecar.ports().admin());
        app.awaitLine(line -> line.equals("RUNNING"), Processes.STARTUP);
        assertTrue(app.stdout().contains("call=start status=200 "), app::output);
        Eventually.assertThat(() -> assertEquals(1, sidecar.metrics().sum("outrigger_leases")));
        return app;
    }

    private ChildProcess startApp(SidecarPorts ports, String agentOptions) {
        String agent = "-javaagent:" + Artifacts.agentJar() + "=sidecar=127.0.0.1:" + ports.outbound() + ","
                + agentOptions;
        return processes.start("app", Artifacts.sampleCommand(List.of(agent), ShutdownCallerApp.class, List.of(URL)));
    }

    private static String services(Upstream upstream) {
        return "services:\n  greeter: {endpoints: [" + upstream.address() + "]}\n";
    }
}
