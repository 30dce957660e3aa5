package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.Echo;
import dev.outrigger.it.support.Http;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import dev.outrigger.samples.PatternBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the app sends is what the upstream receives: method, raw path and query, header values (repeated
 * ones separately, in order) and body bytes. Header-name case is not checked: the JDK's HttpServer behind
 * the echo normalizes names, and HTTP makes them case-insensitive.
 */
class TransparencyTest {

    private static final String PATH = "/items/caf%C3%A9/a%2Fb";
    private static final String QUERY = "q=a%20b&tag=x&tag=y&sym=%26%3D%2B&empty=";
    private static final int BODY_BYTES = 100_000;

    @RegisterExtension
    final Processes processes = new Processes();

    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"httpclient", "urlconnection"})
    void aRequestThroughTheAgentArrivesUnchanged(String client) {
        Sidecar sidecar = sidecarFor(processes.upstream("a", "healthy"));

        CallerRun run = processes.callerWithAgent(sidecar, "http://greeter" + PATH + "?" + QUERY,
                "--client", client, "--method", "PUT", "--body-bytes", String.valueOf(BODY_BYTES),
                "--header", "X-Trace-Id:Abc-123", "--header", "X-Multi:one", "--header", "X-Multi:two",
                "--header", "X-Spaced:a  b,c", "--print-body");

        assertEquals(List.of(new CallerRun.Call("200", "a", "-")), run.calls(), run.output());
        Echo echo = run.echo();
        assertEquals("PUT", echo.value("method"));
        assertEquals(PATH, echo.value("path"));
        assertEquals(QUERY, echo.value("query"));
        assertEquals(List.of("Abc-123"), echo.values("header.X-Trace-Id"));
        assertEquals(List.of("one", "two"), echo.values("header.X-Multi"));
        assertEquals(List.of("a  b,c"), echo.values("header.X-Spaced"));
        assertEquals(List.of("greeter"), echo.values("header.Host"));
        assertEquals(BODY_BYTES, echo.bodyLength());
        assertEquals(PatternBody.sha256(BODY_BYTES), echo.bodySha256());
    }

    @Test
    void aPlainClientReachesTheServiceByPathPrefixAndTheUpstreamSeesThePathWithoutIt() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = sidecarFor(upstream);

        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
                        URI.create(sidecar.outboundUrl("/greeter" + PATH + "?" + QUERY)))
                        .header("X-Multi", "one").header("X-Multi", "two")
                        .POST(HttpRequest.BodyPublishers.ofString("hello"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals("POST", echo.value("method"));
        assertEquals(PATH, echo.value("path"));
        assertEquals(QUERY, echo.value("query"));
        assertEquals(List.of("one", "two"), echo.values("header.X-Multi"));
        assertEquals(5, echo.bodyLength());
        assertEquals(1, upstream.count());
    }

    private Sidecar sidecarFor(Upstream upstream) {
        return processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                """.formatted(upstream.address()));
    }
}
