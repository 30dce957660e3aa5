package dev.outrigger.it.support;

import dev.outrigger.samples.CallerApp;
import dev.outrigger.samples.UpstreamApp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of one test: upstreams, sidecars, callers and CLI runs. Register with
 * {@code @RegisterExtension final Processes processes = new Processes();}. Logs go to
 * {@code target/it-logs/<TestClass>/<test>/}. After each test, passed or failed, every process is stopped
 * and every sidecar's output is scanned for Netty's {@code LEAK:} reports, which fail the test.
 * Registered on a {@code static} field, it serves the whole class instead: logs go to
 * {@code target/it-logs/<TestClass>/}, and processes are stopped and scanned after the last test.
 */
public final class Processes implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final Duration STARTUP = Duration.ofSeconds(60);
    public static final Duration RUN = Duration.ofSeconds(120);

    private final Deque<ChildProcess> started = new ArrayDeque<>();
    private final List<Sidecar> sidecars = new ArrayList<>();
    private Path logDir;
    private boolean classScoped;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        classScoped = true;
        useLogDir(classLogDir(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAndScan();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (classScoped) {
            return;
        }
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        String test = display.startsWith(method) ? method : method + "-" + display;
        useLogDir(classLogDir(context).resolve(test.replaceAll("[^A-Za-z0-9._-]+", "_")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScoped) {
            stopAndScan();
        }
    }

    private static Path classLogDir(ExtensionContext context) {
        return Artifacts.moduleDir().resolve("target/it-logs").resolve(context.getRequiredTestClass().getSimpleName());
    }

    private void useLogDir(Path dir) throws IOException {
        logDir = dir;
        deleteRecursively(logDir);
        Files.createDirectories(logDir);
    }

    private void stopAndScan() {
        sidecars.stream().filter(sidecar -> sidecar.process().isAlive()).forEach(LeakReports::provoke);
        AssertionError unstoppable = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (AssertionError e) {
                unstoppable = e;
            }
        }
        if (unstoppable != null) {
            throw unstoppable;
        }
        List<String> leaks = sidecars.stream().map(LeakReports::find).flatMap(List::stream).toList();
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported leaked buffers:\n" + String.join("\n", leaks));
        }
    }

    public ChildProcess start(String name, List<String> command) {
        ChildProcess process = ChildProcess.start(name, command, logDir);
        started.push(process);
        return process;
    }

    /** Starts an {@code UpstreamApp} on a free port and waits until it listens. */
    public Upstream upstream(String name, String mode) {
        int port = FreePort.pick();
        ChildProcess process = start("upstream-" + name,
                Artifacts.sampleCommand(List.of(), UpstreamApp.class, List.of(String.valueOf(port), name, mode)));
        process.awaitLine(line -> line.startsWith("READY port="), STARTUP);
        return new Upstream(name, port, process);
    }

    /** Writes {@code configHead(caller)} + {@code body} to a file, runs a sidecar on it and waits for {@code /ready}. */
    public Sidecar sidecar(SidecarPorts ports, String body, String... extraJvmOptions) {
        return sidecar("caller", ports, body, List.of(extraJvmOptions));
    }

    /** As {@link #sidecar(SidecarPorts, String, String...)}, for the workload named {@code service}. */
    public Sidecar sidecar(String service, SidecarPorts ports, String body) {
        return sidecar(service, ports, body, List.of());
    }

    private Sidecar sidecar(String service, SidecarPorts ports, String body, List<String> extraJvmOptions) {
        Path config = writeFile("sidecar-" + service + ".yaml", ports.configHead(service) + body);
        List<String> jvmOptions = new ArrayList<>(LeakReports.JVM_OPTIONS);
        jvmOptions.addAll(extraJvmOptions);
        ChildProcess process = start("sidecar-" + service,
                Artifacts.sidecarCommand(jvmOptions, List.of("run", "--config", config.toString())));
        Sidecar sidecar = new Sidecar(ports, process);
        sidecars.add(sidecar);
        awaitReady(sidecar);
        return sidecar;
    }

    /** Starts the sidecar's CLI, e.g. {@code validate --config FILE}; see {@link ChildProcess#awaitExit}. */
    public ChildProcess sidecarCli(String name, String... args) {
        return start(name, Artifacts.sidecarCommand(LeakReports.JVM_OPTIONS, List.of(args)));
    }

    /** Runs a {@code CallerApp} with the agent pointed at {@code sidecar}, to its end. */
    public CallerRun callerWithAgent(Sidecar sidecar, String... args) {
        return finish(startCallerWithAgent(sidecar, args));
    }

    /** As {@link #callerWithAgent(Sidecar, String...)}, with agent options after the sidecar's, e.g. {@code caller=on}. */
    public CallerRun callerWithAgentOptions(Sidecar sidecar, String agentOptions, String... args) {
        return finish(startCaller("caller-with-agent", List.of(sidecar.agentOption() + "," + agentOptions), args));
    }

    /** Starts a {@code CallerApp} with the agent pointed at {@code sidecar}; {@link #finish} waits for its end. */
    public ChildProcess startCallerWithAgent(Sidecar sidecar, String... args) {
        return startCaller("caller-with-agent", List.of(sidecar.agentOption()), args);
    }

    public CallerRun finish(ChildProcess caller) {
        int exitCode = caller.awaitExit(RUN);
        return CallerRun.parse(exitCode, caller.stdout());
    }

    /** Runs a {@code CallerApp} as it is, without the agent, to its end. */
    public CallerRun callerWithoutAgent(String... args) {
        return finish(startCaller("caller-without-agent", List.of(), args));
    }

    public Path writeFile(String name, String content) {
        try {
            return Files.writeString(logDir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a sample app's {@code main} to its end. */
    public ChildProcess runToEnd(String name, List<String> jvmOptions, Class<?> main, List<String> args) {
        return runToEnd(name, Artifacts.sampleCommand(jvmOptions, main, args));
    }

    /** Runs a command (see {@link Artifacts#javaCommand}) to its end. */
    public ChildProcess runToEnd(String name, List<String> command) {
        ChildProcess process = start(name, command);
        process.awaitExit(RUN);
        return process;
    }

    private ChildProcess startCaller(String name, List<String> jvmOptions, String... args) {
        return start(name + "-" + started.size(), Artifacts.sampleCommand(jvmOptions, CallerApp.class, List.of(args)));
    }

    private static void awaitReady(Sidecar sidecar) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!sidecar.process().isAlive()) {
                throw new AssertionError("the sidecar exited while starting; its output:\n" + sidecar.process().output());
            }
            if (isReady(sidecar)) {
                return;
            }
            ChildProcess.pause();
        }
        throw new AssertionError("the sidecar did not become ready in " + STARTUP + "; its output:\n"
                + sidecar.process().output());
    }

    private static boolean isReady(Sidecar sidecar) {
        try {
            HttpResponse<String> ready = Http.get(sidecar.adminUrl("/ready"));
            return ready.statusCode() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
