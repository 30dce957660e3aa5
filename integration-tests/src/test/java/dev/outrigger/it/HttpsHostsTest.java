package dev.outrigger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.ClientApp;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.HttpsUpstream;
import dev.outrigger.it.support.MeshCertificates;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code https-hosts}: an unchanged app calls {@code https://secure-api/...}, a name no DNS knows, with its
 * library's defaults. The agent hands the call to the sidecar in plaintext; the sidecar originates TLS to two real
 * HTTPS instances on loopback, one of which always fails, and retries around it. Their certificate chains to a CA
 * only the sidecar trusts, so a success also shows who verified the server. A listed service the sidecar talks to in
 * plaintext is refused rather than downgraded. An https host not in the list goes the way it would without the
 * agent. A redirect Vert.x follows stays https through the sidecar.
 */
class HttpsHostsTest {

    private static final String OPTED_IN = "https://secure-api/orders";
    private static final String NOT_OPTED_IN = "https://not-opted-in.invalid/x";
    private static final String PLAIN_SERVICE = "https://plain-api/x";
    private static final int CALLS = 4;
    private static final String TRUST = "app-trust";
    private static final ClientApp VERTX = ClientApp.clashing("vertx4-webclient");

    @RegisterExtension
    static final Processes PROCESSES = new Processes();

    @TempDir
    static Path dir;

    private static HttpsUpstream failing;
    private static HttpsUpstream healthy;
    private static Sidecar sidecar;

    @BeforeAll
    static void start() {
        // The certs command names a workload's certificate after its service: DNS localhost, as the endpoints say.
        MeshCertificates certificates = MeshCertificates.create(dir, "localhost");
        Path key = dir.resolve("localhost-key.pem");
        failing = new HttpsUpstream("failing", 503, certificates.certificate("localhost"), key);
        healthy = new HttpsUpstream("healthy", 200, certificates.certificate("localhost"), key);
        sidecar = PROCESSES.sidecar(SidecarPorts.pick(), """
                services:
                  secure-api:
                    endpoints: [localhost:%d, localhost:%d]
                    tls: tls
                    ca: %s
                    retry: {attempts: 2, on: [gateway-error], budget: 100%%, min-retries-per-second: 100}
                    circuit-breaker: off
                  plain-api:
                    endpoints: [localhost:%d]
                  redirector:
                    endpoints: [%s]
                """.formatted(failing.port(), healthy.port(), dir.resolve("ca.pem"), healthy.port(),
                PROCESSES.upstream("redirector", "healthy").address()));
    }

    @AfterAll
    static void stop() {
        failing.close();
        healthy.close();
    }

    static Stream<ClientApp> clients() {
        return Stream.concat(
                Stream.of("jdk-httpclient", "jdk-httpclient-async", "okhttp", "apache5-default", "apache5-async",
                        "apache4-default", "apache4-async", "jetty12", "reactor-netty", "spring-webclient")
                        .map(ClientApp::of),
                Stream.of(ClientApp.okHttpOn("okhttp3"), ClientApp.okHttpOn("okhttp5"), VERTX,
                        ClientApp.clashing("jetty9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void optedInHttpsGoesThroughTheSidecarWhichOriginatesTlsAndRetries(ClientApp client) {
        double retriesBefore = sidecar.metrics().sum("outrigger_retries_total", "service", "secure-api");
        double okBefore = sidecar.metrics().sum("outrigger_requests_total", "service", "secure-api", "code", "200");
        List<String> args = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            args.add("GET " + OPTED_IN);
        }
        args.addAll(List.of("GET " + NOT_OPTED_IN, "GET " + PLAIN_SERVICE));

        ChildProcess app = PROCESSES.runToEnd("app-" + client,
                client.command(List.of(sidecar.agentOption() + ",https-hosts=secure-api;plain-api"), args));
        String output = app.output();

        String[] replies = app.stdout().split("--- ");
        for (int i = 1; i <= CALLS; i++) {
            assertEquals("GET " + OPTED_IN + "\nstatus=200\noutrigger-error=-\ninstance=healthy\nhost=secure-api\n"
                    + "path=/orders\n", replies[i], output);
        }
        String direct = replies[CALLS + 1];
        assertTrue(direct.startsWith("GET " + NOT_OPTED_IN + "\nstatus=- ")
                        && (direct.contains("UnknownHost") || direct.contains("ConnectException")
                        || direct.contains("Failed to resolve")), // WebClient shows only Netty's message
                "resolved by the app itself, not sent to the sidecar:\n" + output);
        String refused = "GET " + PLAIN_SERVICE + "\nstatus=502\noutrigger-error=tls-not-configured\n";
        assertTrue(replies[CALLS + 2].startsWith(refused),
                "the sidecar knew the app wanted TLS, and would not send it in the clear:\n" + output);
        Eventually.assertThat(() -> {
            assertEquals(okBefore + CALLS,
                    sidecar.metrics().sum("outrigger_requests_total", "service", "secure-api", "code", "200"), output);
            assertTrue(sidecar.metrics().sum("outrigger_retries_total", "service", "secure-api") > retriesBefore,
                    "round robin sends some first tries to the failing instance");
            assertEquals(0, sidecar.metrics().sum("outrigger_requests_total", "service", "passthrough"));
        });
    }

    /**
     * The JDK HttpClient, following redirects, keeps a redirected request's headers and proxy. A redirect to https
     * on an opted-in host is followed through the sidecar in plaintext, as the first call was. A plain call's
     * redirect to https elsewhere asks the sidecar for a CONNECT tunnel, in which the app's own TLS reaches the
     * upstream as it would without the agent (the app trusts the upstream's CA for this).
     */
    @Test
    void jdkHttpClientFollowsRedirectsToHttpsAsWithoutTheAgent() throws Exception {
        String toOptedIn = OPTED_IN + "?to=" + OPTED_IN;
        String toElsewhere = "GET http://redirector/_sample/redirect?to=https://localhost:" + healthy.port() + "/orders";
        ChildProcess app = PROCESSES.runToEnd("app-following", ClientApp.of("jdk-httpclient-following").command(
                List.of(sidecar.agentOption() + ",https-hosts=secure-api",
                        "-Djavax.net.ssl.trustStore=" + appTrustStore(), "-Djavax.net.ssl.trustStorePassword=" + TRUST),
                List.of("GET " + toOptedIn, toElsewhere)));

        String[] replies = app.stdout().split("--- ");
        assertEquals("GET " + toOptedIn + "\nstatus=200\noutrigger-error=-\ninstance=healthy\nhost=secure-api\n"
                + "path=/orders\n", replies[1], app.output());
        assertEquals(toElsewhere + "\nstatus=200\noutrigger-error=-\ninstance=healthy\nhost=localhost:"
                + healthy.port() + "\npath=/orders\n", replies[2], app.output());
    }

    /** A trust store with the mesh CA, which signed the HTTPS upstreams' certificate, for an app calling them. */
    private static Path appTrustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream ca = Files.newInputStream(dir.resolve("ca.pem"))) {
            store.setCertificateEntry("mesh-ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        Path file = dir.resolve("app-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUST.toCharArray());
        }
        return file;
    }

    /**
     * Vert.x follows a redirect by starting a new request, which the agent hands to the sidecar again: a relative
     * {@code Location} from an upstream only the sidecar can reach over TLS resolves against the https URL the app
     * asked for, not the plaintext hop to the sidecar, and the next request goes the same way.
     */
    @Test
    void vertxFollowsARedirectOfAHandedOverCallThroughTheSidecarAsHttps() {
        String moved = OPTED_IN + "?to=/orders"; // a relative Location
        double redirects = sidecar.metrics().sum("outrigger_requests_total", "service", "secure-api", "code", "302");
        long healthyBefore = healthy.requests();

        ChildProcess app = PROCESSES.runToEnd("app-vertx-redirect",
                VERTX.command(List.of(sidecar.agentOption() + ",https-hosts=secure-api"), List.of("GET " + moved)));

        assertEquals("--- GET " + moved + "\nstatus=200\noutrigger-error=-\ninstance=healthy\nhost=secure-api\n"
                + "path=/orders\n", app.stdout(), app.output());
        assertEquals(healthyBefore + 2, healthy.requests(), "both hops reached the upstream over TLS");
        Eventually.assertThat(() -> assertEquals(redirects + 1,
                sidecar.metrics().sum("outrigger_requests_total", "service", "secure-api", "code", "302")));
    }
}
