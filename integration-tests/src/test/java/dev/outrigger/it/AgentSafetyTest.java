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
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent never breaks the app: a fault inside a hook, a library it cannot reach, virtual threads, a second Java
 * agent.
 */
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
     * Jetty 12 on the module path: its hook is woven, but linking it fails inside the agent (the module does not open
     * its package to the agent). The agent swallows the fault with one warning and the call goes as it would without
     * the agent: direct, although with fail=closed and no sidecar a redirected call would fail, as the same app shows
     * with Jetty on the class path.
     */
    @Test
    void aFaultInsideAHookLeavesTheCallAsWithoutTheAgent() {
        String jettyAndItsLogging = String.join(File.pathSeparator, Arrays.stream(
                Artifacts.samplesClassPath().split(File.pathSeparator))
                .filter(entry -> entry.contains("jetty") || entry.contains("slf4j")).toList());
        List<String> modulePath = List.of("--module-path", jettyAndItsLogging, "--add-modules", "org.eclipse.jetty.client");

        ChildProcess module = runWithoutSidecar("jetty-module", modulePath, ClientsApp.class, List.of("jetty12"));
        ChildProcess classPath = runWithoutSidecar("jetty-class-path", List.of(), ClientsApp.class, List.of("jetty12"));

        assertTrue(module.stdout().contains("status=200"), module::output);
        assertTrue(module.stderr().contains("org.eclipse.jetty.client.ProxyConfiguration: hook failed, its calls go as"
                + " without the agent"), module::output);
        assertTrue(classPath.stdout().contains("status=- ") && classPath.stdout().contains("Connect"), classPath::output);
    }

    /**
     * Apache HttpClient 5 loaded by a class loader that cannot see the agent's classes, as in plugin hosts: woven
     * code could not call the agent, so the library is left alone, with one line, and the call goes direct.
     */
    @Test
    void aLibraryWhoseLoaderCannotSeeTheAgentIsLeftAlone() {
        List<String> isolatedApp = List.of(Artifacts.samplesClassPath(), ClientsApp.class.getName(), "apache5-default");

        ChildProcess isolated = runWithoutSidecar("isolated", List.of(), IsolatedLoaderApp.class, isolatedApp);

        assertTrue(isolated.stdout().contains("status=200"), isolated::output);
        assertTrue(isolated.stderr().contains("Apache HttpClient 5 (classic and async): not redirected, "
                + "org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner is loaded by java.net.URLClassLoader"),
                isolated::output);
    }

    /** Runs an app whose agent points at a sidecar that is not there, fail=closed, to call greeter directly. */
    private static ChildProcess runWithoutSidecar(String name, List<String> jvmOptions, Class<?> main,
                                                  List<String> args) {
        List<String> jvm = new ArrayList<>(List.of(
                "-javaagent:" + Artifacts.agentJar() + "=sidecar=127.0.0.1:" + FreePort.pick() + ",fail=closed",
                "-Djdk.net.hosts.file=" + PROCESSES.writeFile("hosts", "127.0.0.1 greeter\n")));
        jvm.addAll(jvmOptions);
        List<String> allArgs = new ArrayList<>(args);
        allArgs.add("GET http://greeter:" + upstream.port() + "/hello");
        return PROCESSES.runToEnd(name, jvm, main, allArgs);
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

}
