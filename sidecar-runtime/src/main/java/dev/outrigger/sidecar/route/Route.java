package dev.outrigger.sidecar.route;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.proxy.LocalReply;

/** Where one request goes, decided from its target and Host before any byte is sent upstream. */
public sealed interface Route {

    /**
     * @param uri       origin-form request target to send upstream ({@code /path?query})
     * @param authority the Host header to send upstream: the authority the caller meant
     */
    record ToService(Cluster cluster, String uri, String authority) implements Route {
    }

    /** A host no service names, forwarded to where DNS says with the passthrough {@code cluster}'s policies. */
    record Passthrough(Cluster cluster, String host, int port, String uri, String authority) implements Route {
    }

    /** The sidecar answers itself. */
    record Refused(LocalReply.Reason reason, String detail) implements Route {
    }
}
