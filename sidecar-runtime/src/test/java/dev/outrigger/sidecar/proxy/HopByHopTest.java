package dev.outrigger.sidecar.proxy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HopByHopTest {

    @Test
    void stripsConnectionScopedHeadersAndThoseConnectionNames() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "keep-alive, X-Trace-Hop")
                .add("Connection", "Upgrade")
                .add("X-Trace-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Proxy-Connection", "keep-alive")
                .add("Proxy-Authorization", "Basic x")
                .add("TE", "trailers")
                .add("Upgrade", "h2c")
                .add("HTTP2-Settings", "AAMAAABkAAQCAAAAAAIAAAAA")
                .add("Transfer-Encoding", "chunked")
                .add("X-Kept", "a")
                .add("X-Kept", "b");
        HopByHop.strip(headers);
        assertEquals(2, headers.names().size(), headers.toString());
        assertEquals("chunked", headers.get("transfer-encoding"));
        assertEquals(java.util.List.of("a", "b"), headers.getAll("X-Kept"));
    }

    @Test
    void aConnectionTokenCannotRemoveTheFraming() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Connection", "transfer-encoding")
                .add("Transfer-Encoding", "chunked");
        HopByHop.strip(headers);
        assertTrue(headers.contains("Transfer-Encoding"));
        assertFalse(headers.contains("Connection"));
    }

    @Test
    void keepsHeaderNameCase() {
        HttpHeaders headers = new DefaultHttpHeaders().add("X-MiXeD-Case", "v");
        HopByHop.strip(headers);
        assertEquals("X-MiXeD-Case", headers.names().iterator().next());
    }
}
