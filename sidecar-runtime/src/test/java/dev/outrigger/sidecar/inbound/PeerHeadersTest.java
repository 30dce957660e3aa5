package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.proxy.HopByHop;
import dev.outrigger.sidecar.tls.SpiffeId;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PeerHeadersTest {

    private static final SpiffeId CHECKOUT = SpiffeId.parse("spiffe://outrigger.local/checkout");

    @Test
    void forgedIdentityHeadersAreReplacedByTheVerifiedOne() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("X-Outrigger-Peer", "spiffe://outrigger.local/admin")
                .add("x-outrigger-peer", "spiffe://outrigger.local/root")
                .add("x-outrigger-error", "none")
                .add("x-outriggers", "kept: not the prefix")
                .add("accept", "*/*");
        PeerHeaders.replace(headers, CHECKOUT);
        assertEquals(List.of("spiffe://outrigger.local/checkout"), headers.getAll("x-outrigger-peer"));
        assertFalse(headers.contains("x-outrigger-error"));
        assertEquals("kept: not the prefix", headers.get("x-outriggers"));
        assertEquals("*/*", headers.get("accept"));
    }

    @Test
    void aPlaintextCallerGetsNoPeerHeader() {
        HttpHeaders headers = new DefaultHttpHeaders().add("x-outrigger-peer", "spiffe://outrigger.local/admin");
        PeerHeaders.replace(headers, null);
        assertFalse(headers.contains("x-outrigger-peer"));
    }

    @Test
    void aConnectionHeaderCannotRemoveThePeerHeaderWhenHopByHopGoesFirst() {
        HttpHeaders headers = new DefaultHttpHeaders().add("connection", "x-outrigger-peer");
        HopByHop.strip(headers);
        PeerHeaders.replace(headers, CHECKOUT);
        assertEquals(CHECKOUT.toString(), headers.get("x-outrigger-peer"));
    }
}
