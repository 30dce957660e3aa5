package dev.outrigger.it;

import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.RawHttp;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Requests whose framing two parsers could read differently (the stuff of request smuggling) or that are
 * too big: the outbound listener answers them itself, closes the connection, and forwards nothing.
 */
class MalformedRequestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String HEAD = "POST /hello HTTP/1.1\r\nHost: greeter\r\n";

    @RegisterExtension
    final Processes processes = new Processes();

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                arguments("Content-Length then Transfer-Encoding",
                        HEAD + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", Set.of(400)),
                arguments("Transfer-Encoding then Content-Length",
                        HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", Set.of(400)),
                arguments("two different Content-Lengths",
                        HEAD + "Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde", Set.of(400)),
                arguments("a negative Content-Length", HEAD + "Content-Length: -1\r\n\r\nabc", Set.of(400)),
                arguments("a Content-Length that is no number", HEAD + "Content-Length: abc\r\n\r\nabc", Set.of(400)),
                arguments("a chunk size that is no hex number",
                        HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", Set.of(400)),
                arguments("bare LF line endings", "GET /hello HTTP/1.1\nHost: greeter\n\n", Set.of(400)),
                arguments("a 64 KiB request line",
                        "GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: greeter\r\n\r\n", Set.of(414, 400)),
                arguments("64 KiB of headers",
                        "GET /hello HTTP/1.1\r\nHost: greeter\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n",
                        Set.of(431)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void isAnsweredByTheSidecarWithTheConnectionClosedAndNeverForwarded(String name, String request, Set<Integer> statuses) {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                """.formatted(upstream.address()));

        RawHttp.Response malformed = RawHttp.exchange(sidecar.ports().outbound(), request, PATIENCE);
        long forwarded = upstream.count();
        RawHttp.Response wellFormed = RawHttp.exchange(sidecar.ports().outbound(),
                "GET /hello HTTP/1.1\r\nHost: greeter\r\nConnection: close\r\n\r\n", PATIENCE);

        assertTrue(statuses.contains(malformed.status()), "expected one of " + statuses + ", got:\n" + malformed.received());
        assertTrue(malformed.closed(), "the connection must be closed after:\n" + malformed.received());
        assertEquals(0, forwarded, "the malformed request reached the upstream");
        assertEquals(200, wellFormed.status(), "the same listener still serves a well-formed request:\n"
                + wellFormed.received());
        assertEquals(1, upstream.count());
    }
}
