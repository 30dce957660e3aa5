package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.Echo;
import dev.outrigger.it.support.Http;
import dev.outrigger.it.support.Processes;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample apps on their own, called directly on loopback: what the other tests rely on them to do. */
class SampleAppsTest {

    @RegisterExtension
    final Processes processes = new Processes();

    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"httpclient", "urlconnection"})
    void theCallerSendsAndTheUpstreamEchoesMethodPathQueryHeadersAndBody(String client) {
        Upstream upstream = processes.upstream("a", "healthy");

        CallerRun run = processes.callerWithoutAgent("http://" + upstream.address() + "/items/caf%C3%A9?q=a%20b&q=c",
                "--client", client, "--method", "PUT", "--body-bytes", "5000",
                "--header", "X-Multi:one", "--header", "X-Multi:two", "--print-body");

        Echo echo = run.echo();
        assertEquals(List.of(new CallerRun.Call("200", "a", "-")), run.calls(), run.output());
        assertEquals("PUT", echo.value("method"));
        assertEquals("/items/caf%C3%A9", echo.value("path"));
        assertEquals("q=a%20b&q=c", echo.value("query"));
        assertEquals(List.of("one", "two"), echo.values("header.x-multi"));
        assertEquals(5000, echo.bodyLength());
        assertEquals(PatternBody.sha256(5000), echo.bodySha256());
        assertEquals(1, upstream.count());
    }

    @Test
    void aFlakyUpstreamFailsEverySecondCallAndTheCallerCountsThem() {
        Upstream upstream = processes.upstream("b", "flaky");

        CallerRun run = processes.callerWithoutAgent("http://" + upstream.address() + "/hello", "--count", "4");

        assertEquals(List.of("200", "503", "200", "503"), run.calls().stream().map(CallerRun.Call::status).toList());
        assertTrue(run.output().contains("total sent=4 ok=2 failed=2"), run.output());
        assertEquals(4, upstream.count());
    }

    @Test
    void aCallerRunningForADurationPrintsOneSummaryPerSecond() {
        Upstream upstream = processes.upstream("a", "healthy");

        CallerRun run = processes.callerWithoutAgent("http://" + upstream.address() + "/hello",
                "--duration", "2", "--rate", "10");

        assertTrue(run.output().contains("second=1 ok="), run.output());
        assertTrue(run.calls().size() >= 10 && run.calls().size() <= 21,
                "about 10 calls a second for 2 s:\n" + run.output());
        assertEquals(run.calls().size(), run.succeeded());
    }

    @Test
    void anUnresolvableNameFailsWithTheExceptionsClassName() {
        CallerRun run = processes.callerWithoutAgent("http://greeter.invalid/hello");

        assertEquals("-", run.last().status());
        assertTrue(List.of("UnknownHostException", "ConnectException").contains(run.last().error()), run.output());
    }

    @Test
    void theUpstreamStreamsPatternBytesAndCountsConnections() throws Exception {
        Upstream upstream = processes.upstream("a", "healthy");

        HttpResponse<java.io.InputStream> response = Http.send(HttpRequest.newBuilder(
                        URI.create("http://" + upstream.address() + "/_sample/bytes?n=300000&chunked=true")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        PatternBody.Digest digest = PatternBody.Digest.of(response.body());
        for (int i = 0; i < 5; i++) {
            Http.get("http://" + upstream.address() + "/hello");
        }

        assertEquals(new PatternBody.Digest(300000, PatternBody.sha256(300000)), digest);
        assertEquals(5, upstream.count());
        assertEquals(1, upstream.connections());
    }
}
