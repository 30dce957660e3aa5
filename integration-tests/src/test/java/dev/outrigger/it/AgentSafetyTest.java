package dev.outrigger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.outrigger.it.support.Artifacts;
import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.FreePort;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import dev.outrigger.samples.CallerApp;
import dev.outrigger.samples.IsolatedLoaderApp;
import dev.outrigger.samples.VirtualThreadsApp;
import dev.outrigger.samples.clients.ClientsApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agent never breaks the app: a fault inside a hook, virtual threads, a second Java agent. */
class AgentSafetyTest {

    private static final String URL = "http://greeter/hello";
    private static final List<String> OTEL_QUIET = List.of("-Dotel.traces.exporter=none",
            "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");

    @RegisterExtension
    static final Processes PROCESSES = new Processes();

    private static Upstream upstream;
    private static Sidecar sidecar;

    @BeforeAll
    static void startSidecarAndUpstream() {
        upstream = PROCESSES.upstream("a", "healthy");
        sidecar = PROCESSES.sidecar(SidecarPorts.pick(),
                "services:\n  greeter: {endpoints: [" + upstream.address() + "]}\n");
    }

    /**
     * Apache HttpClient 5 loaded by a class loader that cannot see the agent's classes, as in plugin hosts: woven
     * code calling the agent there would throw NoClassDefFoundError inside the library, so the hook skips itself
     * with one log line and the call goes as without the agent: direct, although with fail=closed and no sidecar a
     * redirected call would fail, as the same app shows when it loads the library the usual way. (A fault inside a
     * linked hook is covered in-process by the agent's WeaverTest.)
     */
    @Test
    void aLibraryInALoaderThatCannotSeeTheAgentIsLeftAsWithoutTheAgent() {
        String agent = "-javaagent:" + Artifacts.agentJar() + "=sidecar=127.0.0.1:" + FreePort.pick() + ",fail=closed";
        List<String> jvm = List.of(agent, hostsFile("127.0.0.1 greeter\n"));
        String url = "http://greeter:" + upstream.port() + "/hello";

        ChildProcess isolated = PROCESSES.runToEnd("isolated", jvm, IsolatedLoaderApp.class,
                List.of(Artifacts.samplesClassPath(), ClientsApp.class.getName(), "apache5-default", "GET " + url));
        ChildProcess usual = PROCESSES.runToEnd("usual", jvm, ClientsApp.class, List.of("apache5-default", "GET " + url));

        assertTrue(isolated.stdout().contains("status=200"), isolated::output);
        assertTrue(isolated.stderr().contains("Apache HttpClient 5 (classic and async): not redirected, its class"
                + " loader"), isolated::output);
        assertTrue(usual.stdout().contains("status=- ") && usual.stdout().contains("Connect"), usual::output);
    }

    @Test
    void callsFromVirtualThreadsAreRedirected() {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21");
        double before = greeterRequests();

        ChildProcess app = PROCESSES.runToEnd("virtual-threads", List.of(sidecar.agentOption()),
                VirtualThreadsApp.class, List.of(URL, "3"));

        List<String> calls = app.stdout().lines().filter(line -> line.startsWith("client=")).toList();
        assertEquals(6, calls.size(), app::output);
        calls.forEach(call -> assertTrue(call.contains(" virtual=true status=200 "), app::output));
        assertEquals(6, greeterRequests() - before, 0.0);
    }

    /** The OpenTelemetry Java agent, exporters off, before and after ours: each call crosses the sidecar once. */
    @ParameterizedTest(name = "opentelemetry {0}")
    @ValueSource(strings = {"first", "second"})
    void worksBesideTheOpenTelemetryAgent(String otelPosition) {
        String otel = "-javaagent:" + Artifacts.moduleDir().resolve("target/agents/opentelemetry-javaagent.jar");
        List<String> jvm = new ArrayList<>(OTEL_QUIET);
        jvm.addAll(otelPosition.equals("first") ? List.of(otel, sidecar.agentOption())
                : List.of(sidecar.agentOption(), otel));
        double before = greeterRequests();
        long upstreamBefore = upstream.count();

        ChildProcess app = PROCESSES.start("caller-otel-" + otelPosition,
                Artifacts.sampleCommand(jvm, CallerApp.class, List.of(URL, "--count", "2", "--print-body")));
        CallerRun run = PROCESSES.finish(app);

        assertEquals(2, run.succeeded(), run::output);
        assertEquals(2, greeterRequests() - before, 0.0);
        assertEquals(2, upstream.count() - upstreamBefore);
        assertTrue(run.output().toLowerCase(Locale.ROOT).contains("echo.header.traceparent=00-"),
                () -> "the OpenTelemetry agent adds its header: " + run.output());
    }

    private static double greeterRequests() {
        return sidecar.metrics().sum("outrigger_requests_total", "service", "greeter");
    }

    private static String hostsFile(String content) {
        Path file = PROCESSES.writeFile("hosts", content);
        return "-Djdk.net.hosts.file=" + file;
    }
}
