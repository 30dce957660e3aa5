package dev.outrigger.sidecar.inbound;

import dev.outrigger.sidecar.tls.SpiffeId;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.List;

/** The identity headers the app sees: only the sidecar speaks in {@code x-outrigger-*}. */
public final class PeerHeaders {

    public static final String PEER = "x-outrigger-peer";
    private static final String PREFIX = "x-outrigger-";

    private PeerHeaders() {
    }

    /**
     * Removes every {@code x-outrigger-*} header the caller sent, then names the verified caller.
     * Run it after hop-by-hop headers are stripped, so a {@code Connection} header cannot remove what it adds.
     *
     * @param peer the verified caller, or null for a plaintext caller (then no peer header is sent)
     */
    public static void replace(HttpHeaders headers, SpiffeId peer) {
        List<String> forged = headers.names().stream()
                .filter(name -> name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()))
                .toList();
        forged.forEach(headers::remove);
        if (peer != null) {
            headers.set(PEER, peer.toString());
        }
    }
}
