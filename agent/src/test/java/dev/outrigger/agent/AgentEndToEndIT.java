package dev.outrigger.agent;

import static dev.outrigger.agent.ChildJvm.hostsFile;
import static dev.outrigger.agent.ChildJvm.javaagent;
import static dev.outrigger.agent.ChildJvm.runThreeCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.agent.RecordingHttpServer.Recorded;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts an unchanged app in a child JVM with the packaged agent jar and checks where its calls arrive. */
class AgentEndToEndIT {
    private static final List<String> CLIENTS = List.of("HttpURLConnection", "send", "sendAsync");
    private static final String MESH_URL = "http://service-b/hello?x=1";

    @TempDir
    Path dir;

    @Test
    void everyJdkClientReachesTheSidecarWithItsRequestUnchanged() throws Exception {
        try (RecordingHttpServer sidecar = new RecordingHttpServer("from sidecar")) {
            ChildJvm.Output child = runThreeCalls(dir, MESH_URL, hostsFile(dir, ""),
                    javaagent("sidecar=127.0.0.1:" + sidecar.port()));

            for (String client : CLIENTS) {
                assertEquals(client + " OK 200 from sidecar", child.callOf(client));
            }
            assertEquals(expected(MESH_URL, "service-b"), sorted(sidecar.recorded()));
            assertEquals(1, child.stderr().size(), child::toString);
            assertTrue(child.stderr().get(0).startsWith("[outrigger-agent] plain http:// calls"), child::toString);
        }
    }

    @Test
    void withoutTheAgentTheMeshNameDoesNotResolve() throws Exception {
        try (RecordingHttpServer sidecar = new RecordingHttpServer("from sidecar")) {
            ChildJvm.Output child = runThreeCalls(dir, MESH_URL, hostsFile(dir, ""));

            assertTrue(child.callOf("HttpURLConnection").contains("FAILED java.net.UnknownHostException"), child::toString);
            assertTrue(child.callOf("send").contains("FAILED java.net.ConnectException"), child::toString);
            assertTrue(child.callOf("sendAsync").contains(" java.net.ConnectException"), child::toString);
            assertEquals(List.of(), sidecar.recorded());
        }
    }

    @Test
    void failOpenGoesDirectWhileTheSidecarIsDownAndWarnsOnce() throws Exception {
        try (RecordingHttpServer upstream = new RecordingHttpServer("from upstream")) {
            String url = "http://service-b:" + upstream.port() + "/hello?x=1";
            ChildJvm.Output child = runThreeCalls(dir, url, hostsFile(dir, "127.0.0.1 service-b\n"),
                    javaagent("sidecar=127.0.0.1:" + closedPort()));

            for (String client : CLIENTS) {
                assertEquals(client + " OK 200 from upstream", child.callOf(client));
            }
            assertEquals(expected("/hello?x=1", "service-b:" + upstream.port()), sorted(upstream.recorded()));
            assertEquals(1, child.stderr().stream().filter(line -> line.contains("is not reachable")).count(),
                    child::toString);
        }
    }

    @Test
    void failClosedFailsWhileTheSidecarIsDownAndLogOffIsSilent() throws Exception {
        try (RecordingHttpServer upstream = new RecordingHttpServer("from upstream")) {
            String url = "http://service-b:" + upstream.port() + "/hello?x=1";
            ChildJvm.Output child = runThreeCalls(dir, url, hostsFile(dir, "127.0.0.1 service-b\n"),
                    javaagent("sidecar=127.0.0.1:" + closedPort() + ",fail=closed,log=off"));

            for (String client : CLIENTS) {
                assertTrue(child.callOf(client).contains(" java.net.ConnectException"), child::toString);
            }
            assertEquals(List.of(), upstream.recorded());
            assertEquals(List.of(), child.stderr());
        }
    }

    private static List<Recorded> expected(String target, String host) {
        return CLIENTS.stream()
                .map(client -> new Recorded("POST", target, host, client, ThreeCallsApp.body(client)))
                .collect(Collectors.toList());
    }

    private static List<Recorded> sorted(List<Recorded> recorded) {
        return recorded.stream().sorted(Comparator.comparing(Recorded::client)).collect(Collectors.toList());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return released.getLocalPort();
        }
    }
}
