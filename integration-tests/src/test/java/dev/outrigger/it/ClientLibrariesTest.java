package dev.outrigger.it;

import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.ClientApp;
import dev.outrigger.it.support.Echo;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.FreePort;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import dev.outrigger.samples.clients.ClientSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every supported third-party client, each in its unchanged sample app with the agent, through one sidecar to one
 * echo upstream: calls by service name arrive as the app made them, and the sidecar's own 503 reaches the app as an
 * ordinary response. Without the agent none of these calls would get anywhere: {@code greeter} is no DNS name.
 */
class ClientLibrariesTest {

    private static final String GET_URL = "http://greeter/items/caf%C3%A9/a%2Fb?q=a%20b&tag=x&tag=y&sym=%26%3D%2B";

    @RegisterExtension
    static final Processes PROCESSES = new Processes();

    private static Sidecar sidecar;

    @BeforeAll
    static void startSidecarAndUpstream() {
        Upstream upstream = PROCESSES.upstream("a", "healthy");
        // "broken" listens nowhere and may not retry, so the sidecar answers 503 retry-budget-exhausted itself.
        sidecar = PROCESSES.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                  broken:
                    endpoints: [127.0.0.1:%d]
                    retry: {attempts: 2, on: [connect-failure], budget: 0%%, min-retries-per-second: 0}
                    circuit-breaker: off
                """.formatted(upstream.address(), FreePort.pick()));
    }

    static Stream<ClientApp> clients() {
        return Stream.concat(
                Stream.of("okhttp", "feign-okhttp", "apache5-system", "apache5-default", "apache5-async",
                        "apache4-system", "apache4-default", "apache4-async", "jetty12", "spring-resttemplate",
                        "spring-restclient", "reactor-netty", "spring-webclient").map(ClientApp::of),
                Stream.of(ClientApp.okHttpOn("okhttp3"), ClientApp.okHttpOn("okhttp5"),
                        ClientApp.clashing("jetty9"), ClientApp.clashing("vertx4-webclient")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void callsByServiceNameArriveUnchangedOnceAndTheSidecarsOwn503ReachesTheApp(ClientApp client) {
        // HttpURLConnection, under RestTemplate, refuses PATCH with or without the agent.
        List<String> methods = client.kind().equals("spring-resttemplate") ? List.of("POST") : List.of("PATCH", "POST");
        List<String> args = new ArrayList<>(List.of("GET", GET_URL, "HEAD", "http://greeter/head"));
        methods.forEach(method -> args.addAll(List.of(method, "http://greeter/" + method.toLowerCase(Locale.ROOT))));
        args.addAll(List.of("GET", "http://broken/down"));
        double greeterCallsBefore = greeterCalls();

        ChildProcess app = PROCESSES.runToEnd("app-" + client, client.command(List.of(sidecar.agentOption()), args));
        Map<String, String> replies = replies(app.stdout());
        String output = app.output();

        Echo get = answered(replies, "GET " + GET_URL, output);
        assertEquals("GET", get.value("method"));
        assertEquals("/items/caf%C3%A9/a%2Fb", get.value("path"));
        assertEquals("q=a%20b&tag=x&tag=y&sym=%26%3D%2B", get.value("query"));
        assertEquals(List.of("one", "two"), get.values("header.X-Multi"));
        assertEquals(List.of("Abc-123"), get.values("header.X-Trace-Id"));
        assertEquals(List.of("greeter"), get.values("header.Host"));
        assertEquals(0, get.bodyLength());

        assertEquals("status=200\noutrigger-error=-\n", replies.get("HEAD http://greeter/head"), output);
        for (String method : methods) {
            Echo echo = answered(replies, method + " http://greeter/" + method.toLowerCase(Locale.ROOT), output);
            assertEquals(method, echo.value("method"));
            assertEquals(ClientSuite.BODY.length(), echo.bodyLength());
            assertEquals(sha256(ClientSuite.BODY), echo.bodySha256());
        }
        String sidecarsOwn = replies.getOrDefault("GET http://broken/down", "");
        String head = "status=503\noutrigger-error=retry-budget-exhausted\n";
        assertTrue(sidecarsOwn.startsWith(head) && sidecarsOwn.substring(head.length()).contains("exhausted"),
                "the app reads status, header and body:\n" + output);
        // Each call crossed the sidecar once: a client stacked on another is not redirected twice.
        Eventually.assertThat(() -> assertEquals(greeterCallsBefore + 2 + methods.size(), greeterCalls(), output));
    }

    private static double greeterCalls() {
        return sidecar.metrics().sum("outrigger_requests_total", "service", "greeter");
    }

    /** The app's output split at its {@code --- METHOD URL} lines: what followed each request line. */
    private static Map<String, String> replies(String stdout) {
        Map<String, String> replies = new LinkedHashMap<>();
        String request = null;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("--- ")) {
                request = line.substring(4);
                replies.put(request, "");
            } else if (request != null) {
                replies.merge(request, line + "\n", String::concat);
            }
        }
        return replies;
    }

    private static Echo answered(Map<String, String> replies, String request, String output) {
        String reply = replies.getOrDefault(request, "");
        assertEquals("status=200", reply.lines().findFirst().orElse(""), request + " in:\n" + output);
        return Echo.parse(reply);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
