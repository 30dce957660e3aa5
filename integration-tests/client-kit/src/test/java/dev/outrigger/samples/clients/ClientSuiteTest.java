package dev.outrigger.samples.clients;

import dev.outrigger.samples.PatternBody;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientSuiteTest {

    @Test
    void aCallNamesItsHeadersBodyAndTimeoutAfterMethodAndUrl() throws Exception {
        SampleClient.Call call = ClientSuite.parse("put http://greeter/x?a=%20 Expect:100-continue +body=300 +chunked"
                + " +read-timeout=1500");

        assertEquals("PUT", call.method());
        assertEquals(URI.create("http://greeter/x?a=%20"), call.uri());
        assertEquals(List.of("X-Multi:one", "X-Multi:two", "X-Trace-Id:Abc-123", "Expect:100-continue"),
                call.headers().stream().map(header -> header[0] + ":" + header[1]).toList());
        assertEquals(-1, call.body().length());
        try (InputStream body = call.body().content().get()) {
            assertEquals(new PatternBody.Digest(300, PatternBody.sha256(300)), PatternBody.Digest.of(body));
        }
        assertEquals(Duration.ofMillis(1500), call.readTimeout());
    }

    @Test
    void onlyPostPutAndPatchCarryTheSmallBodyByDefault() {
        SampleClient.Call post = ClientSuite.parse("POST http://greeter/x");

        assertEquals(ClientSuite.BODY.length(), post.body().length());
        assertArrayEquals(ClientSuite.BODY.getBytes(StandardCharsets.UTF_8), post.body().bytes());
        assertNull(ClientSuite.parse("DELETE http://greeter/x").body());
        assertNull(ClientSuite.parse("GET http://greeter/x").readTimeout());
    }

    @Test
    void aSmallResponseIsKeptAsTextALargeOneOnlyAsLengthAndDigest() throws Exception {
        SampleClient.Reply small = SampleClient.Reply.streamed(200, null,
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        SampleClient.Reply large = SampleClient.Reply.streamed(200, "x", new PatternBody(100_000));

        assertEquals("hello", small.body());
        assertEquals("received.length=100000\nreceived.sha256=" + PatternBody.sha256(100_000) + "\n", large.body());
        assertEquals("", SampleClient.Reply.streamed(204, null, null).body());
    }
}
