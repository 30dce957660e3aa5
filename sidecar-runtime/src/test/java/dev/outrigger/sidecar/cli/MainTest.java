package dev.outrigger.sidecar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.config.SidecarConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final String VALID = """
            service: orders
            services:
              payments: {endpoints: [127.0.0.2:8080]}
              ledger: {endpoints: [127.0.0.3:8080]}
            """;
    private static final String INVALID = """
            service: orders
            services:
              payments:
                endpoints: [127.0.0.2:8080]
                retry: {attempts: 0}
                tls: mesh
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeLauncher launcher = new FakeLauncher();
    private final List<Thread> shutdownHooks = new ArrayList<>();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Main.commands(launcher, shutdownHooks::add));

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, main.execute("--help"));
        assertTrue(out().contains("run --config FILE"), out());
        assertTrue(out().contains("validate --config FILE"), out());
        assertEquals("", err());
    }

    @Test
    void helpAfterACommandAlsoPrintsUsage() {
        assertEquals(0, main.execute("validate", "--help"));
        assertTrue(out().startsWith("Usage: "), out());
    }

    @Test
    void noArgumentsIsBadUsage() {
        assertEquals(2, main.execute());
        assertTrue(err().startsWith("Usage: "), err());
    }

    @Test
    void unknownCommandIsBadUsage() {
        assertEquals(2, main.execute("serve"));
        assertTrue(err().startsWith("error: unknown command 'serve'\nUsage: "), err());
    }

    @Test
    void missingOrExtraArgumentsAreBadUsage() {
        assertEquals(2, main.execute("validate"));
        assertTrue(err().startsWith("error: validate needs --config FILE\n"), err());
        assertEquals(2, main.execute("run", "--config", "a.yaml", "--verbose"));
        assertTrue(err().contains("error: run takes only --config FILE, got: --config a.yaml --verbose\n"), err());
        assertEquals(List.of(), launcher.launched);
    }

    @Test
    void validatePrintsOkWithTheNumberOfServices() throws Exception {
        Path file = write(VALID);

        assertEquals(0, main.execute("validate", "--config", file.toString()));

        assertEquals(file + ": OK (2 services)\n", out());
        assertEquals("", err());
    }

    @Test
    void validateAcceptsTheEqualsForm() throws Exception {
        Path file = write(VALID);

        assertEquals(0, main.execute("validate", "--config=" + file));
    }

    @Test
    void validatePrintsEveryErrorOnePerLine() throws Exception {
        Path file = write(INVALID);

        assertEquals(2, main.execute("validate", "--config", file.toString()));

        assertEquals(file + ":5: services.payments.retry.attempts: must be between 1 and 10, got 0\n"
                + file + ":6: services.payments.tls: tls: mesh needs this sidecar's certificate: add a top-level tls: {ca: ..., cert: ..., key: ...}\n", err());
        assertEquals("", out());
    }

    @Test
    void missingFileIsOneError() {
        Path file = dir.resolve("nope.yaml");

        assertEquals(2, main.execute("validate", "--config", file.toString()));

        assertEquals(file + ": file not found\n", err());
    }

    @Test
    void runWithAnInvalidConfigStartsNothing() throws Exception {
        Path file = write(INVALID);

        assertEquals(2, main.execute("run", "--config", file.toString()));

        assertEquals(List.of(), launcher.launched);
        assertEquals(List.of(), shutdownHooks);
        assertEquals(2, err().lines().count(), err());
    }

    @Test
    void runStartsTheSidecarAndClosesItAtShutdown() throws Exception {
        Path file = write(VALID);

        assertEquals(0, main.execute("run", "--config", file.toString()));

        assertEquals(1, launcher.launched.size());
        assertEquals(List.of("payments", "ledger"), List.copyOf(launcher.launched.get(0).services().keySet()));
        assertTrue(launcher.running.awaited);
        assertEquals(1, shutdownHooks.size());
        assertEquals(0, launcher.running.closes);
        shutdownHooks.get(0).run();
        assertEquals(1, launcher.running.closes);
    }

    @Test
    void runReportsAStartFailure() throws Exception {
        Path file = write(VALID);
        launcher.failure = new BindException("Address already in use");

        assertEquals(1, main.execute("run", "--config", file.toString()));

        assertEquals(file + ": cannot start the sidecar: java.net.BindException: Address already in use\n", err());
        assertEquals(List.of(), shutdownHooks);
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("sidecar.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final class FakeLauncher implements RunCommand.Launcher {
        final List<SidecarConfig> launched = new ArrayList<>();
        final FakeRunning running = new FakeRunning();
        Exception failure;

        @Override
        public RunCommand.Running launch(SidecarConfig config) throws Exception {
            if (failure != null) {
                throw failure;
            }
            launched.add(config);
            return running;
        }
    }

    private static final class FakeRunning implements RunCommand.Running {
        boolean awaited;
        int closes;

        @Override
        public void awaitTermination() {
            awaited = true;
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
