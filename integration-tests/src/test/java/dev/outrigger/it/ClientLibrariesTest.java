package dev.outrigger.it;

import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.ClientApp;
import dev.outrigger.it.support.ClientReplies;
import dev.outrigger.it.support.Echo;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.FreePort;
import dev.outrigger.it.support.Metrics;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import dev.outrigger.it.support.WireUpstream;
import dev.outrigger.samples.PatternBody;
import dev.outrigger.samples.clients.ClientSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared transparency suite: every supported third-party client, each in its unchanged sample app with the agent,
 * one JVM per client making every call of the suite, through one sidecar to one echo upstream. Calls by service name
 * arrive as the app made them and cross the sidecar once; answers without a body, redirects and the sidecar's own
 * 503 reach the app as the library shows them without the agent; bodies of 50 MiB stream both ways in a 64 MiB heap.
 * Without the agent none of these calls would get anywhere: {@code greeter} and {@code other} are no DNS names. First,
 * each app calls {@link WireUpstream} a few times through the agent and then directly (loopback is never redirected),
 * to compare the connections it keeps alive and the header names' bytes on both paths.
 */
class ClientLibrariesTest {

    private static final String GET = "GET http://greeter/items/caf%C3%A9/a%2Fb?q=a%20b&tag=x&tag=y&sym=%26%3D%2B";
    private static final String HEAD = "HEAD http://greeter/head";
    private static final String NO_CONTENT = "GET http://greeter/_sample/status/204";
    private static final String NOT_MODIFIED = "GET http://greeter/_sample/status/304";
    private static final String REDIRECT_SAME_HOST = "GET http://greeter/_sample/redirect?to=http://greeter/redirected";
    private static final String REDIRECT_OTHER_HOST = "GET http://greeter/_sample/redirect?to=http://other/redirected";
    private static final String CONTINUE = "POST http://greeter/continue Expect:100-continue";
    private static final String SIDECARS_OWN_503 = "GET http://broken/down";
    private static final long SLOW_MILLIS = 2500;
    private static final String READ_TIMEOUT = "GET http://greeter/_sample/slow?ms=" + SLOW_MILLIS + " +read-timeout=1000";
    private static final long LARGE = 50L * 1024 * 1024;
    private static final String CHUNKED_UPLOAD = "POST http://greeter/chunked +chunked";
    private static final long CHUNKED_DOWNLOAD_BYTES = 100_000;
    private static final String CHUNKED_DOWNLOAD = "GET http://greeter/_sample/bytes?chunked=true&n=" + CHUNKED_DOWNLOAD_BYTES;
    private static final String LARGE_CHUNKED_UPLOAD = "PUT http://greeter/upload +body=" + LARGE + " +chunked";
    private static final String LARGE_DOWNLOAD = "GET http://greeter/_sample/bytes?n=" + LARGE;
    /** Each app has less heap than one large body: it must stream. */
    private static final String APP_HEAP = "-Xmx64m";
    /** Feign holds a request body as bytes; its responses stream. */
    private static final Set<String> HOLDING_REQUEST_BODIES = Set.of("feign-okhttp");
    /** Jetty 9.4 sends a streamed body it already holds whole, as the small one here, with a Content-Length. */
    private static final Set<String> FRAMING_SMALL_STREAMS_BY_LENGTH = Set.of("jetty9");
    /** The same sample code and library as apache5-default and apache4-default: large bodies once is enough. */
    private static final Set<String> SMALL_BODIES_ONLY = Set.of("apache5-system", "apache4-system");
    /** Their libraries follow no redirect unless told to (Reactor Netty's {@code followRedirect}, off by default). */
    private static final Set<String> NOT_FOLLOWING_REDIRECTS = Set.of("reactor-netty", "spring-webclient");

    private static final String LARGE_SHA256 = PatternBody.sha256(LARGE);
    /** Sequential calls made first through the agent, then directly, to see their connections and header names. */
    private static final int SEQUENTIAL = 5;
    private static final String MIXED_CASE_HEADER = "x-MiXed-Case";
    /** Hop-by-hop headers describe one connection: the sidecar sends its own, as any proxy does. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "upgrade");
    private static final String CONNECTIONS = "outrigger_connections_with_requests_total";

    @RegisterExtension
    static final Processes PROCESSES = new Processes();

    private static Sidecar sidecar;
    private static WireUpstream wire;

    @BeforeAll
    static void startSidecarAndUpstreams() {
        Upstream upstream = PROCESSES.upstream("a", "healthy");
        wire = new WireUpstream();
        // "broken" listens nowhere and may not retry, so the sidecar answers 503 retry-budget-exhausted itself.
        // greeter's timeout leaves room for 50 MiB uploads on a busy two-core CI machine.
        sidecar = PROCESSES.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                    timeout: 60s
                  other:
                    endpoints: [%s]
                  wire:
                    endpoints: [%s]
                  broken:
                    endpoints: [127.0.0.1:%d]
                    retry: {attempts: 2, on: [connect-failure], budget: 0%%, min-retries-per-second: 0}
                    circuit-breaker: off
                """.formatted(upstream.address(), upstream.address(), wire.address(), FreePort.pick()));
    }

    @AfterAll
    static void stopWireUpstream() {
        wire.close();
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
    void everyCallArrivesAsTheAppMadeItOnceAndEveryAnswerReachesTheAppAsItWasSent(ClientApp client) {
        // HttpURLConnection, under RestTemplate, refuses PATCH with or without the agent.
        List<String> methods = client.kind().equals("spring-resttemplate")
                ? List.of("POST", "PUT", "DELETE", "OPTIONS")
                : List.of("PATCH", "POST", "PUT", "DELETE", "OPTIONS");
        List<String> calls = new ArrayList<>(List.of(GET, HEAD, NO_CONTENT, NOT_MODIFIED, CONTINUE,
                REDIRECT_SAME_HOST, REDIRECT_OTHER_HOST, READ_TIMEOUT, SIDECARS_OWN_503));
        methods.forEach(method -> calls.add(method + " http://greeter/" + method.toLowerCase(Locale.ROOT)));
        boolean large = !SMALL_BODIES_ONLY.contains(client.name());
        List<String> uploads = new ArrayList<>();
        if (!HOLDING_REQUEST_BODIES.contains(client.name())) {
            uploads.addAll(large ? List.of(CHUNKED_UPLOAD, LARGE_CHUNKED_UPLOAD) : List.of(CHUNKED_UPLOAD));
        }
        calls.addAll(uploads);
        calls.addAll(large ? List.of(CHUNKED_DOWNLOAD, LARGE_DOWNLOAD) : List.of(CHUNKED_DOWNLOAD));
        // First, alone on the sidecar: calls through the agent, the sidecar's count of connections, direct calls.
        String throughAgent = "/sequential/through-agent/" + client;
        String direct = "/sequential/direct/" + client;
        String scrape = "GET " + sidecar.adminUrl("/metrics");
        List<String> allCalls = new ArrayList<>(sequential("http://wire" + throughAgent));
        allCalls.add(scrape);
        allCalls.addAll(sequential("http://" + wire.address() + direct));
        allCalls.addAll(calls);
        Metrics before = sidecar.metrics();

        ChildProcess app = PROCESSES.runToEnd("app-" + client,
                client.command(List.of(sidecar.agentOption(), APP_HEAP), allCalls));
        Map<String, String> replies = ClientReplies.of(app.stdout());
        String output = app.output();

        assertSequentialCallsAsWithoutTheAgent(wire.arrivals(direct), wire.arrivals(throughAgent),
                Metrics.parse(replies.getOrDefault(scrape, "")).sum(CONNECTIONS, "listener", "outbound")
                        - before.sum(CONNECTIONS, "listener", "outbound"), output);

        Echo get = answered(replies, GET, output);
        assertEquals("GET", get.value("method"));
        assertEquals("/items/caf%C3%A9/a%2Fb", get.value("path"));
        assertEquals("q=a%20b&tag=x&tag=y&sym=%26%3D%2B", get.value("query"));
        assertEquals(List.of("one", "two"), get.values("header.X-Multi"));
        assertEquals(List.of("Abc-123"), get.values("header.X-Trace-Id"));
        assertEquals(List.of("greeter"), get.values("header.Host"));
        assertEquals(0, get.bodyLength());

        assertEquals("status=200\noutrigger-error=-\n", replies.get(HEAD), output);
        assertEquals("status=204\noutrigger-error=-\n", replies.get(NO_CONTENT), output);
        assertEquals("status=304\noutrigger-error=-\n", replies.get(NOT_MODIFIED), output);
        for (String method : methods) {
            Echo echo = answered(replies, method + " http://greeter/" + method.toLowerCase(Locale.ROOT), output);
            assertEquals(method, echo.value("method"));
            assertSentBody(echo, method);
        }
        Echo continued = answered(replies, CONTINUE, output);
        assertSentBody(continued, "POST");

        if (uploads.contains(CHUNKED_UPLOAD)) {
            Echo chunked = answered(replies, CHUNKED_UPLOAD, output);
            assertSentBody(chunked, "POST");
            if (!FRAMING_SMALL_STREAMS_BY_LENGTH.contains(client.name())) {
                assertEquals(List.of("chunked"), chunked.values("header.Transfer-encoding"), output);
            }
        }
        if (uploads.contains(LARGE_CHUNKED_UPLOAD)) {
            Echo echo = answered(replies, LARGE_CHUNKED_UPLOAD, output);
            assertEquals(new PatternBody.Digest(LARGE, LARGE_SHA256),
                    new PatternBody.Digest(echo.bodyLength(), echo.bodySha256()), output);
        }
        assertEquals(received(CHUNKED_DOWNLOAD_BYTES, PatternBody.sha256(CHUNKED_DOWNLOAD_BYTES)),
                replies.get(CHUNKED_DOWNLOAD), output);
        if (large) {
            assertEquals(received(LARGE, LARGE_SHA256), replies.get(LARGE_DOWNLOAD), output);
        }
        String timedOut = replies.getOrDefault(READ_TIMEOUT, "");
        assertTrue(timedOut.startsWith("status=- ") && elapsedMillis(timedOut) < SLOW_MILLIS,
                "the client's own read timeout fires first:\n" + output);

        boolean follows = !NOT_FOLLOWING_REDIRECTS.contains(client.kind());
        assertRedirect(replies.get(REDIRECT_SAME_HOST), follows, "greeter", output);
        assertRedirect(replies.get(REDIRECT_OTHER_HOST), follows, "other", output);

        String sidecarsOwn = replies.getOrDefault(SIDECARS_OWN_503, "");
        String head = "status=503\noutrigger-error=retry-budget-exhausted\n";
        assertTrue(sidecarsOwn.startsWith(head) && sidecarsOwn.substring(head.length()).contains("exhausted"),
                "the app reads status, header and body:\n" + output);
        // Each call crossed the sidecar once: a client stacked on another is not redirected twice. Not counted: the
        // call to "broken", and the one the app gave up on (the sidecar counts answers it relayed).
        int greeterCalls = calls.size() - 2 + (follows ? 1 : 0);
        Eventually.assertThat(() -> assertEquals(calls(before, "greeter") + greeterCalls,
                calls(sidecar.metrics(), "greeter"), output));
        assertEquals(calls(before, "other") + (follows ? 1 : 0), calls(sidecar.metrics(), "other"), output);
    }

    /**
     * The client keeps its connection alive through the agent as it does without it, now to the sidecar, which keeps
     * its own to the upstream alive; and every header name the client sends directly arrives spelled the same through
     * the agent. Some clients (Apache async, Reactor Netty, Jetty) may open a second connection when the next call
     * starts before the last one's connection is back in their pool, with or without the agent: so the honest measure
     * of reuse is fewer connections than calls, on each hop.
     *
     * @param clientToSidecar connections of the calls through the agent, as the sidecar counted them
     */
    private static void assertSequentialCallsAsWithoutTheAgent(List<WireUpstream.Arrival> direct,
                                                                List<WireUpstream.Arrival> throughAgent,
                                                                double clientToSidecar, String output) {
        assertEquals(SEQUENTIAL, direct.size(), output);
        assertEquals(SEQUENTIAL, throughAgent.size(), output);
        long directConnections = connections(direct);
        String seen = directConnections + " connections without the agent; through it " + clientToSidecar
                + " to the sidecar, " + connections(throughAgent) + " from the sidecar, for " + SEQUENTIAL + " calls";
        assertTrue(directConnections < SEQUENTIAL, seen + "\n" + direct);
        assertTrue(clientToSidecar < SEQUENTIAL, seen + "\n" + output);
        assertTrue(connections(throughAgent) < SEQUENTIAL, seen + "\n" + throughAgent);

        List<String> sentDirectly = endToEnd(direct.get(0).headerNames());
        assertTrue(sentDirectly.stream().anyMatch(MIXED_CASE_HEADER::equalsIgnoreCase), direct.toString());
        assertEquals(sentDirectly, endToEnd(throughAgent.get(0).headerNames()).stream()
                .filter(name -> sentDirectly.stream().anyMatch(name::equalsIgnoreCase)).toList(),
                "header names, direct and through the agent");
    }

    private static List<String> sequential(String url) {
        return Collections.nCopies(SEQUENTIAL, "GET " + url + " " + MIXED_CASE_HEADER + ":1");
    }

    private static long connections(List<WireUpstream.Arrival> arrivals) {
        return arrivals.stream().mapToInt(WireUpstream.Arrival::connection).distinct().count();
    }

    private static List<String> endToEnd(List<String> headerNames) {
        return headerNames.stream().filter(name -> !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))).toList();
    }

    /** What the app prints for a body too large to print: its length and digest. */
    private static String received(long length, String sha256) {
        return "status=200\noutrigger-error=-\nreceived.length=" + length + "\nreceived.sha256=" + sha256 + "\n";
    }

    private static long elapsedMillis(String reply) {
        return Long.parseLong(reply.substring(reply.lastIndexOf("elapsed-ms=") + "elapsed-ms=".length()).trim());
    }

    private static void assertSentBody(Echo echo, String method) {
        boolean withBody = !Set.of("DELETE", "OPTIONS").contains(method);
        assertEquals(withBody ? ClientSuite.BODY.length() : 0, echo.bodyLength(), method);
        if (withBody) {
            assertEquals(sha256(ClientSuite.BODY), echo.bodySha256());
        }
    }

    /** Followed, the app sees the echo of the target; not followed, the 302 itself. */
    private static void assertRedirect(String reply, boolean follows, String targetHost, String output) {
        if (follows) {
            assertEquals("status=200", reply.lines().findFirst().orElse(""), output);
            Echo echo = Echo.parse(reply);
            assertEquals("/redirected", echo.value("path"));
            assertEquals(List.of(targetHost), echo.values("header.Host"));
        } else {
            assertEquals("status=302\noutrigger-error=-\n", reply, output);
        }
    }

    private static double calls(Metrics metrics, String service) {
        return metrics.sum("outrigger_requests_total", "service", service);
    }

    /** The app's output split at its {@code --- CALL} lines: what followed each call. */
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
