package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link ThreeCallsApp} in a fresh JVM of the same Java installation as the test. */
final class ChildJvm {
    static final String AGENT_JAR = System.getProperty("outrigger.agent.jar");
    private static final String TEST_CLASSES = System.getProperty("outrigger.test.classes");

    /** What the child printed. */
    record Output(List<String> stdout, List<String> stderr) {
        /** The line {@link ThreeCallsApp} printed for one client. */
        String callOf(String clientName) {
            return stdout.stream().filter(line -> line.startsWith(clientName + " ")).findFirst()
                    .orElseGet(() -> fail("no line for " + clientName + " in " + this));
        }
    }

    private ChildJvm() {
    }

    static String javaagent(String agentArgs) {
        return "-javaagent:" + AGENT_JAR + (agentArgs.isEmpty() ? "" : "=" + agentArgs);
    }

    /** A hosts file for {@code -Djdk.net.hosts.file}, so that name lookups never leave the test. */
    static String hostsFile(Path dir, String content) throws IOException {
        return "-Djdk.net.hosts.file=" + Files.writeString(dir.resolve("hosts"), content);
    }

    static Output runThreeCalls(Path dir, String url, String... jvmOptions) throws IOException, InterruptedException {
        assertTrue(AGENT_JAR != null && new File(AGENT_JAR).isFile(), "run with mvn verify: no agent jar " + AGENT_JAR);
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", TEST_CLASSES, ThreeCallsApp.class.getName(), url));
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process child = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            fail("child JVM still running after 60 s: " + command);
        }
        Output output = new Output(Files.readAllLines(stdout), Files.readAllLines(stderr));
        assertEquals(0, child.exitValue(), () -> "child JVM failed: " + output);
        return output;
    }
}
