package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.ClientApp;
import dev.outrigger.it.support.ClientReplies;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.Metrics;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import dev.outrigger.samples.clients.ClientsApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the agent tells the sidecar in {@code x-outrigger-*} headers, end to end: the app's unchanged client, the
 * real agent, a real sidecar, real upstreams.
 */
class AgentSignalsTest {

    private static final int CALLS = 4;

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void aKeyedPostWithABufferedBodyIsRetriedAroundAFailingInstanceAndNoSignalReachesTheUpstream() {
        Upstream failing = processes.upstream("a", "fail");
        Upstream healthy = processes.upstream("b", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s, %s]
                    balancer: round-robin
                    retry: {attempts: 2, on: [gateway-error], budget: 100%%, min-retries-per-second: 100, backoff: {base: 1ms, max: 5ms}}
                    circuit-breaker: {failure-rate: 100%%, window: 1000, minimum-calls: 1000, open-for: 30s, half-open-calls: 1}
                """.formatted(failing.address(), healthy.address()));
        String[] keyedPost = {"http://greeter/orders", "--method", "POST", "--body-bytes", "512", "--buffered-body",
                "--header", "Idempotency-Key:order-7", "--count", String.valueOf(CALLS), "--print-body"};

        CallerRun jdkClient = processes.callerWithAgentOptions(sidecar, "signals=on,caller=on", keyedPost);
        CallerRun urlConnection = processes.callerWithAgentOptions(sidecar, "signals=on,caller=on",
                append(keyedPost, "--client", "urlconnection"));

        for (CallerRun run : new CallerRun[] {jdkClient, urlConnection}) {
            assertEquals(CALLS, run.succeeded(), run.output());
            assertEquals("order-7", run.echo().values("header.Idempotency-Key").get(0));
            assertFalse(run.output().toLowerCase(Locale.ROOT).contains("echo.header.x-outrigger-"), run.output());
        }
        assertTrue(failing.count() >= CALLS, "round robin sent half of the tries to the failing instance first");
        Eventually.assertThat(() -> assertEquals(CALLS, sidecar.metrics().sum("outrigger_requests_by_caller_total",
                "service", "greeter", "caller", "dev.outrigger.samples.CallerApp$JdkHttpClient")));
    }

    @Test
    void theSidecarGivesUpAtTheAppsOwnTimeoutNotItsLongerOne() throws IOException {
        try (Blackhole blackhole = new Blackhole()) {
            Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                    services:
                      slow:
                        endpoints: [127.0.0.1:%d]
                        timeout: 60s
                    """.formatted(blackhole.port()));

            CallerRun run = processes.callerWithAgentOptions(sidecar, "signals=on", "http://slow/report",
                    "--timeout", "800");

            assertEquals("HttpTimeoutException", run.first().error(), run.output());
            Eventually.assertThat(() -> assertEquals(1, blackhole.closed(), "the sidecar dropped its try"));
        }
    }

    @Test
    void libraryClientsPassTheirSignalsAndCallersToo() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = greeterSidecar(upstream);
        List<String> agent = List.of(sidecar.agentOption() + ",signals=on,caller=on");

        for (String client : List.of("okhttp", "apache5-default", "spring-resttemplate")) {
            String output = processes.runToEnd(client, agent, ClientsApp.class,
                    List.of(client, "POST http://greeter/orders")).stdout().toLowerCase(Locale.ROOT);
            assertTrue(output.contains("status=200"), output);
            assertTrue(output.contains("echo.header.x-trace-id=abc-123"), output);
            assertFalse(output.contains("echo.header.x-outrigger-"), output);
        }
        Eventually.assertThat(() -> {
            Metrics metrics = sidecar.metrics();
            for (String caller : List.of("OkHttpSample", "Apache5Sample", "RestTemplateSample")) {
                assertEquals(1, metrics.sum("outrigger_requests_by_caller_total", "service", "greeter",
                        "caller", "dev.outrigger.samples.clients." + caller), metrics::toString);
            }
        });
    }

    /**
     * Each library whose signals come from a hook of its own, on each version's class path. "slow" answers 503 and
     * would be retried after a backoff of up to an hour: only a sidecar that knows the app gives up within 3 s
     * answers the 503 at once. "orders" retries around its failing instance, so a keyed POST goes through when its
     * body is held in memory and, streamed, fails once in two (round robin).
     */
    @Test
    void eachLibraryTellsTheSidecarItsTimeoutAndWhetherItsBodyCanBeSentAgain() {
        Upstream failing = processes.upstream("a", "fail");
        Upstream healthy = processes.upstream("b", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  slow:
                    endpoints: [%1$s]
                    timeout: 2h
                    retry: {attempts: 2, on: [gateway-error], budget: 100%%, min-retries-per-second: 100, backoff: {base: 1h, max: 1h}}
                    circuit-breaker: off
                  orders:
                    endpoints: [%1$s, %2$s]
                    balancer: round-robin
                    retry: {attempts: 2, on: [gateway-error], budget: 100%%, min-retries-per-second: 100, backoff: {base: 1ms, max: 5ms}}
                    circuit-breaker: off
                """.formatted(failing.address(), healthy.address()));
        String deadline = "GET http://slow/report +read-timeout=3000";
        List<String> inMemory = List.of("POST http://orders/new Idempotency-Key:order-1 +in-memory",
                "POST http://orders/new Idempotency-Key:order-2 +in-memory");
        List<String> streamed = List.of("POST http://orders/new Idempotency-Key:order-3",
                "POST http://orders/new Idempotency-Key:order-4");
        List<String> calls = new ArrayList<>(List.of(deadline));
        calls.addAll(inMemory);
        calls.addAll(streamed);

        for (ClientApp client : List.of(ClientApp.of("apache4-default"), ClientApp.of("apache4-async"),
                ClientApp.of("apache5-async"), ClientApp.of("jetty12"), ClientApp.clashing("jetty9"),
                ClientApp.of("okhttp"), ClientApp.okHttpOn("okhttp3"), ClientApp.okHttpOn("okhttp5"),
                ClientApp.clashing("vertx4-webclient"), ClientApp.of("reactor-netty"),
                ClientApp.of("spring-webclient"))) {
            ChildProcess app = processes.runToEnd("app-" + client, client.command(
                    List.of(sidecar.agentOption() + ",signals=on"), calls));
            String output = app.output();
            Map<String, String> replies = ClientReplies.of(app.stdout());

            assertTrue(replies.getOrDefault(deadline, "").startsWith("status=503\n"),
                    client + ": the sidecar answered at once instead of retrying past the app's timeout:\n" + output);
            // WebClient's bodyValue reaches Reactor Netty as a mapped Mono.just, which the agent cannot tell from a
            // publisher that reads a stream once: its bytes in memory count as streamed.
            List<String> held = client.kind().equals("spring-webclient") ? List.of() : inMemory;
            for (String call : held) {
                assertTrue(replies.getOrDefault(call, "").startsWith("status=200\n"),
                        client + ": a keyed POST with a body in memory is retried:\n" + output);
            }
            List<String> notHeld = new ArrayList<>(streamed);
            if (held.isEmpty()) {
                notHeld.addAll(inMemory);
            }
            assertTrue(notHeld.stream().anyMatch(call -> replies.getOrDefault(call, "").startsWith("status=503\n")),
                    client + ": a streamed body is not sent twice:\n" + output);
            assertFalse(output.toLowerCase(Locale.ROOT).contains("echo.header.x-outrigger-"), output);
        }
    }

    /**
     * Vert.x copies a request's headers to the redirect it follows, signals included: a redirect that leaves the
     * sidecar (to loopback, which is never redirected) must not carry them to the upstream.
     */
    @Test
    void aVertxRedirectAwayFromTheSidecarCarriesNoSignal() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = greeterSidecar(upstream);
        String call = "GET http://greeter/_sample/redirect?to=http://" + upstream.address() + "/direct"
                + " +read-timeout=3000";

        ChildProcess app = processes.runToEnd("app-vertx-redirect", ClientApp.clashing("vertx4-webclient")
                .command(List.of(sidecar.agentOption() + ",signals=on,caller=on"), List.of(call)));

        String reply = ClientReplies.of(app.stdout()).getOrDefault(call, "");
        assertTrue(reply.startsWith("status=200\n") && reply.contains("echo.path=/direct\n"), app.output());
        assertFalse(reply.toLowerCase(Locale.ROOT).contains("echo.header.x-outrigger-"), app.output());
        Eventually.assertThat(() -> assertEquals(1, sidecar.metrics().sum("outrigger_requests_total",
                "service", "greeter"), "the first hop went through the sidecar, with its signals"));
    }

    /** A sidecar whose one service, greeter, is {@code upstream}. */
    private Sidecar greeterSidecar(Upstream upstream) {
        return processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                """.formatted(upstream.address()));
    }

    private static String[] append(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Accepts connections and never answers; counts those the other side closed. */
    private static final class Blackhole implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        private final AtomicInteger closed = new AtomicInteger();

        Blackhole() throws IOException {
            Thread acceptor = new Thread(this::acceptAll, "blackhole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread reader = new Thread(() -> readToEnd(socket), "blackhole-connection");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException closing) {
                    return;
                }
            }
        }

        private void readToEnd(Socket socket) {
            try (socket) {
                socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                closed.incrementAndGet();
            } catch (IOException reset) {
                closed.incrementAndGet();
            }
        }

        int port() {
            return server.getLocalPort();
        }

        int closed() {
            return closed.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
