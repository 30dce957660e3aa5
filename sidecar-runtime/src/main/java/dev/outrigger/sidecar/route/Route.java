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

    /**
     * {@code CONNECT host:port} to a host no service names: bytes relayed both ways, the app's own TLS inside. A
     * client that keeps its proxy for a redirect (the JDK HttpClient does) asks this for an https location.
     */
    record Tunnel(String host, int port) implements Route {
    }

    /** The sidecar answers itself. */
    record Refused(LocalReply.Reason reason, String detail) implements Route {
    }
}
