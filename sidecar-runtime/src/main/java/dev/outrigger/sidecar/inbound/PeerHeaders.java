package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.proxy.OutriggerHeaders;
import dev.outrigger.sidecar.tls.SpiffeId;
import io.netty.handler.codec.http.HttpHeaders;

/** The identity headers the app sees: only the sidecar speaks in {@code x-outrigger-*}. */
public final class PeerHeaders {

    public static final String PEER = "x-outrigger-peer";

    private PeerHeaders() {
    }

    /**
     * Removes every {@code x-outrigger-*} header the caller sent, then names the verified caller.
     * Run it after hop-by-hop headers are stripped, so a {@code Connection} header cannot remove what it adds.
     *
     * @param peer the verified caller, or null for a plaintext caller (then no peer header is sent)
     */
    public static void replace(HttpHeaders headers, SpiffeId peer) {
        OutriggerHeaders.strip(headers);
        if (peer != null) {
            headers.set(PEER, peer.toString());
        }
    }
}
