package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.Sidecar;
import dev.outrigger.sidecar.TestPorts;
import dev.outrigger.sidecar.TestUpstream;
import dev.outrigger.sidecar.config.ConfigException;
import dev.outrigger.sidecar.config.ConfigLoader;
import dev.outrigger.sidecar.proxy.LocalReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real sidecars with inbound listeners over real TLS on loopback, in front of a real local app. */
class InboundListenerTest {

    private static final String DOMAIN = "spiffe://outrigger.local/";

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static final Map<String, SSLContext> clients = new HashMap<>();
    private static TestUpstream app;
    private static Sidecar strict;
    private static Sidecar permissive;
    private static int strictPort;
    private static int strictAdmin;
    private static int permissivePort;
    private static int permissiveAdmin;

    @BeforeAll
    static void start() throws Exception {
        certs = new TestCertificates(dir);
        certs.ca("ca");
        certs.ca("rogue-ca");
        certs.leaf("orders", "ca", "URI:" + DOMAIN + "orders");
        certs.leaf("checkout", "ca", "URI:" + DOMAIN + "checkout");
        certs.leaf("reporting", "ca", "URI:" + DOMAIN + "reporting");
        certs.leaf("foreign", "ca", "URI:spiffe://elsewhere.test/checkout");
        certs.leaf("no-san", "ca");
        certs.leaf("dns-only", "ca", "DNS:checkout");
        certs.leaf("two-ids", "ca", "URI:" + DOMAIN + "checkout", "URI:" + DOMAIN + "reporting");
        certs.leaf("rogue", "rogue-ca", "URI:" + DOMAIN + "checkout");
        certs.leaf("expired", "ca", -1, "URI:" + DOMAIN + "checkout");
        app = new TestUpstream();
        strictPort = TestPorts.free();
        strictAdmin = TestPorts.free();
        strict = Sidecar.start(ConfigLoader.parse(config(strictPort, strictAdmin) + """
                inbound:
                  mtls: strict
                  authorization:
                    - {from: [checkout], methods: [GET], paths: ["/orders/*"]}
                    - {paths: ["/health"]}
                    - {from: ["*"], paths: ["/orders/admin/**"], action: deny}
                """, "strict.yaml"));
        permissivePort = TestPorts.free();
        permissiveAdmin = TestPorts.free();
        permissive = Sidecar.start(ConfigLoader.parse(config(permissivePort, permissiveAdmin) + """
                inbound: {mtls: permissive}
                """, "permissive.yaml"));
    }

    private static String config(int inbound, int admin) throws IOException {
        return """
                service: orders
                listeners: {outbound: 127.0.0.1:%d, inbound: 127.0.0.1:%d, admin: 127.0.0.1:%d}
                app: %s
                tls: {ca: %s, cert: %s, key: %s}
                """.formatted(TestPorts.free(), inbound, admin, app.address(), certs.cert("ca"), certs.cert("orders"),
                certs.key("orders"));
    }

    @AfterAll
    static void stop() {
        strict.close();
        permissive.close();
        app.close();
    }

    @Test
    void allowedCallerReachesTheAppWithItsVerifiedIdentityOnly() throws Exception {
        RawHttp.Response response = get("checkout", strictPort, "/orders/7",
                "x-outrigger-peer: " + DOMAIN + "admin\r\nX-Outrigger-Role: root\r\nConnection: x-outrigger-peer\r\n");
        assertEquals(200, response.status(), response.body());
        assertEquals("GET /orders/7 host=orders body=0\n", response.body());
        assertEquals(List.of(DOMAIN + "checkout"), app.lastHeaders().get("x-outrigger-peer"));
        assertNull(app.lastHeaders().get("x-outrigger-role"));
    }

    @Test
    void deniedCallersGet403AndAreCountedByCaller() throws Exception {
        int reached = app.requests();
        RawHttp.Response otherService = get("reporting", strictPort, "/orders/7", "");
        assertEquals(403, otherService.status());
        assertEquals("unauthorized", otherService.header(LocalReply.ERROR_HEADER));
        assertEquals(403, send("checkout", strictPort, "POST /orders/7 HTTP/1.1\r\nHost: orders\r\n"
                + "Content-Length: 0\r\n").status(), "checkout may only GET");
        assertEquals(403, get("checkout", strictPort, "/orders/admin/users", "").status(), "deny wins over allow");
        assertEquals(200, get("reporting", strictPort, "/health", "").status(), "from defaults to every caller");
        assertEquals(reached + 1, app.requests(), "only /health reached the app");
        assertTrue(metrics(strictAdmin).contains(
                "outrigger_authz_denied_total{caller=\"" + DOMAIN + "reporting\"} 1"), metrics(strictAdmin));
    }

    @ParameterizedTest(name = "{0} stays denied")
    @ValueSource(strings = {"/orders/admin/x", "/orders/./admin/x", "/orders//admin/x", "//orders/admin/x",
            "/orders/x/../admin/x", "/orders/%61dmin/x", "/%6Frders/admin/x", "/ORDERS/ADMIN/x", "/orders/%2e/admin/x",
            "/orders/admin/x/%2e%2e/y", "/x/../../orders/admin/x"})
    void encodingTricksDoNotReachADeniedPath(String path) throws Exception {
        int reached = app.requests();
        assertEquals(403, get("checkout", strictPort, path, "").status());
        assertEquals(reached, app.requests());
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"/orders/admin%2Fx", "/orders/admin%2fx", "/orders/..%5Cadmin", "/orders\\..\\admin",
            "/orders/7%00", "/orders/7;jsessionid=1", "/orders/%zz"})
    void ambiguousPathsAreRefusedWith400(String path) throws Exception {
        RawHttp.Response response = get("checkout", strictPort, path, "");
        assertEquals(400, response.status(), response.body());
        assertEquals("bad-path", response.header(LocalReply.ERROR_HEADER));
    }

    @Test
    void theAppReceivesTheNormalizedPath() throws Exception {
        RawHttp.Response response = get("checkout", strictPort, "/x/..//orders/%37?q=%2F", "");
        assertEquals(200, response.status(), response.body());
        assertEquals("GET /orders/7?q=%2F host=orders body=0\n", response.body(), "the query is kept as sent");
    }

    @Test
    void plaintextToAStrictPortIsRefused() throws Exception {
        int reached = app.requests();
        assertRefused(null, strictPort);
        assertEquals(reached, app.requests());
    }

    @ParameterizedTest(name = "a client presenting {0} is refused")
    @ValueSource(strings = {"foreign", "no-san", "dns-only", "two-ids", "rogue", "expired", "none"})
    void badClientCertificatesAreRefused(String client) throws Exception {
        int reached = app.requests();
        SSLContext tls = certs.client(client.equals("none") ? null : client, "ca");
        assertRefused(tls, strictPort);
        assertEquals(reached, app.requests());
    }

    @Test
    void refusedIdentitiesAreCountedByReason() throws Exception {
        assertRefused(certs.client("foreign", "ca"), strictPort);
        assertRefused(certs.client("no-san", "ca"), strictPort);
        String metrics = metrics(strictAdmin);
        assertTrue(metrics.contains("outrigger_inbound_connections_refused_total{reason=\"identity\"} 2"), metrics);
    }

    @Test
    void permissiveAcceptsPlaintextWithoutIdentityAndCountsIt() throws Exception {
        RawHttp.Response plain = RawHttp.send(null, permissivePort,
                "GET /orders/7 HTTP/1.1\r\nHost: orders\r\nx-outrigger-peer: " + DOMAIN + "checkout\r\n");
        assertEquals(200, plain.status(), plain.body());
        assertNull(app.lastHeaders().get("x-outrigger-peer"), "a plaintext caller has no identity");
        RawHttp.Response mtls = get("reporting", permissivePort, "/orders/7", "");
        assertEquals(200, mtls.status(), mtls.body());
        assertEquals(List.of(DOMAIN + "reporting"), app.lastHeaders().get("x-outrigger-peer"));
        String metrics = metrics(permissiveAdmin);
        assertTrue(metrics.contains("outrigger_inbound_requests_total{tls=\"plaintext\"} 1"), metrics);
        assertTrue(metrics.contains("outrigger_inbound_requests_total{tls=\"mtls\"} 1"), metrics);
    }

    @Test
    void permissiveHoldsCallersThatStartTlsToTheMeshRules() throws Exception {
        int reached = app.requests();
        assertRefused(certs.client(null, "ca"), permissivePort);
        assertRefused(certs.client("rogue", "ca"), permissivePort);
        assertEquals(reached, app.requests());
        // Refused in the handshake (a client certificate is required), not after it for lack of an identity.
        String metrics = metrics(permissiveAdmin);
        assertTrue(metrics.contains("outrigger_inbound_connections_refused_total{reason=\"tls-handshake\"} 2"), metrics);
    }

    @Test
    void aMissingCertificateFileIsAConfigError() {
        String yaml = """
                service: orders
                listeners: {outbound: 127.0.0.1:1, inbound: 127.0.0.1:2, admin: 127.0.0.1:3}
                tls: {ca: %s, cert: %s, key: %s}
                inbound: {}
                """.formatted(certs.cert("ca"), dir.resolve("absent.pem"), certs.key("orders"));
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "absent.yaml"));
        assertTrue(error.getMessage().contains("tls.cert: no such file"), error.getMessage());
    }

    /** sslscan (a Debian package, installed by .ci/run) needs a client certificate to finish TLS 1.2 handshakes. */
    @Test
    void anExternalScannerFindsOnlyTls12And13AndAeadCiphers() throws Exception {
        assumeTrue(onPath("sslscan"), "sslscan is not installed (.ci/run installs it)");
        Process process = new ProcessBuilder("sslscan", "--no-colour", "--certs=" + certs.cert("checkout"),
                "--pk=" + certs.key("checkout"), "127.0.0.1:" + strictPort).redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), report);
        for (String protocol : List.of("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1")) {
            assertTrue(report.lines().anyMatch(line -> line.matches(Pattern.quote(protocol) + " +disabled")), report);
        }
        List<String> accepted = report.lines().filter(line -> line.matches("(Accepted|Preferred) .*")).toList();
        assertTrue(accepted.stream().anyMatch(line -> line.contains(" TLSv1.2 ")), report);
        assertTrue(accepted.stream().anyMatch(line -> line.contains(" TLSv1.3 ")), report);
        for (String line : accepted) {
            assertTrue(line.matches("\\w+ +TLSv1\\.[23] .*") && (line.contains("GCM") || line.contains("CHACHA20")),
                    "weak protocol or cipher: " + line);
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static void assertRefused(SSLContext tls, int port) {
        RawHttp.Response response;
        try {
            response = RawHttp.send(tls, port, "GET /health HTTP/1.1\r\nHost: orders\r\n");
        } catch (IOException refused) {
            return;
        }
        assertEquals(0, response.status(), "expected no HTTP response, got " + response);
    }

    private static RawHttp.Response get(String client, int port, String path, String headers) throws IOException {
        return send(client, port, "GET " + path + " HTTP/1.1\r\nHost: orders\r\n" + headers);
    }

    private static RawHttp.Response send(String client, int port, String head) throws IOException {
        SSLContext tls = clients.get(client);
        if (tls == null) {
            tls = certs.client(client, "ca");
            clients.put(client, tls);
        }
        return RawHttp.send(tls, port, head);
    }

    private static String metrics(int adminPort) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

}
