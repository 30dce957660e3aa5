package dev.outrigger.it;

import dev.outrigger.it.support.Echo;
import dev.outrigger.it.support.Http;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.samples.PatternBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bodies stream through: a sidecar whose heap (and direct memory) is 64 MiB relays 200 MiB both ways. */
class LargeBodyTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final String EXPECTED_SHA256 = PatternBody.sha256(SIZE);

    @RegisterExtension
    final Processes processes = new Processes();

    private Sidecar sidecar;

    @BeforeEach
    void startUpstreamAndSmallSidecar() {
        sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                    timeout: 100s
                """.formatted(processes.upstream("a", "healthy").address()),
                "-Xmx64m", "-XX:MaxDirectMemorySize=64m");
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a200MiBUploadPassesThroughUnchanged(boolean chunked) {
        BodyPublisher chunkedBody = BodyPublishers.ofInputStream(() -> new PatternBody(SIZE));
        HttpRequest upload = HttpRequest.newBuilder(URI.create(sidecar.outboundUrl("/greeter/upload")))
                .timeout(Duration.ofSeconds(100))
                .POST(chunked ? chunkedBody : BodyPublishers.fromPublisher(chunkedBody, SIZE))
                .build();

        HttpResponse<String> response = Http.send(upload, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        Echo echo = Echo.parse(response.body());
        assertEquals(SIZE, echo.bodyLength());
        assertEquals(EXPECTED_SHA256, echo.bodySha256());
        assertSidecarHadEnoughMemory();
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void a200MiBDownloadPassesThroughUnchanged(boolean chunked) throws Exception {
        HttpRequest download = HttpRequest.newBuilder(
                        URI.create(sidecar.outboundUrl("/greeter/_sample/bytes?n=" + SIZE + "&chunked=" + chunked)))
                .timeout(Duration.ofSeconds(100))
                .build();

        HttpResponse<InputStream> response = Http.send(download, HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        try (InputStream body = response.body()) {
            assertEquals(new PatternBody.Digest(SIZE, EXPECTED_SHA256), PatternBody.Digest.of(body));
        }
        assertSidecarHadEnoughMemory();
    }

    private void assertSidecarHadEnoughMemory() {
        assertFalse(sidecar.process().output().contains("OutOfMemoryError"), sidecar.process().output());
    }
}
