package dev.outrigger.sidecar.route;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.OutboundSettings.UnknownHosts;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
import dev.outrigger.sidecar.tls.UpstreamSecurity;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a request on the outbound listener to a {@link Route}. Three request forms are accepted:
 * <ul>
 *   <li>absolute-form, as sent to an HTTP proxy: {@code GET http://orders/x} (service {@code orders});</li>
 *   <li>origin-form, routed by the Host header: {@code GET /x} with {@code Host: orders};</li>
 *   <li>path-prefix, for callers without the agent: {@code GET /orders/x} with the Host of this listener.</li>
 * </ul>
 * A request may also say that the app wanted TLS to its authority, which the sidecar then originates itself: an
 * {@code https} target ({@code GET https://api.example.com/x}), or the header {@code x-outrigger-tls: 1} on either
 * other form ({@code GET http://api.example.com:443/x}, {@code GET /x} with {@code Host: api.example.com}) for
 * clients that cannot send an {@code https} target in plaintext. Such a call keeps the app's Host header, goes to a
 * service only if the sidecar speaks TLS to it, and to an unknown host on port 443 by default. A {@code CONNECT}
 * to an unknown host is a {@link Route.Tunnel}.
 */
public final class Router {

    /** The header that says the app wanted TLS, for clients that cannot send an https target; always removed. */
    public static final String TLS_MARKER = "x-outrigger-tls";

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    private final Map<String, Cluster> services;
    private final UnknownHosts unknownHosts;
    private final Address listener;
    private final Cluster passthrough;
    private final Cluster passthroughTls;

    /**
     * @param services       clusters by lower-case service name
     * @param listener       the outbound listener's own address: a request addressed to it uses the path-prefix form
     * @param passthrough    the policies for hosts no service names ({@link Cluster#passthrough})
     * @param passthroughTls the same for calls to such hosts that the app made over {@code https://}
     */
    public Router(Map<String, Cluster> services, UnknownHosts unknownHosts, Address listener, Cluster passthrough,
                  Cluster passthroughTls) {
        this.services = Map.copyOf(services);
        this.unknownHosts = unknownHosts;
        this.listener = listener;
        this.passthrough = passthrough;
        this.passthroughTls = passthroughTls;
    }

    public Route route(HttpRequest request) {
        if (HttpMethod.CONNECT.equals(request.method())) {
            return tunnel(request.uri());
        }
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return new Route.Refused(Reason.BAD_REQUEST, "more than one Host header");
        }
        boolean tlsMarker = "1".equals(request.headers().get(TLS_MARKER));
        request.headers().remove(TLS_MARKER);
        String uri = request.uri();
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd > 0 && uri.charAt(0) != '/') {
            return absoluteForm(uri, schemeEnd, tlsMarker, hosts);
        }
        if (!uri.startsWith("/")) {
            return new Route.Refused(Reason.BAD_REQUEST, "request target must be absolute or start with /");
        }
        if (hosts.isEmpty()) {
            return new Route.Refused(Reason.BAD_REQUEST, "missing Host header");
        }
        Authority authority = Authority.parse(hosts.get(0));
        if (authority == null) {
            return new Route.Refused(Reason.BAD_REQUEST, "invalid Host header");
        }
        if (tlsMarker) {
            return byAuthority(authority, uri, hosts.get(0));
        }
        return isThisListener(authority) ? pathPrefix(uri) : byAuthority(authority, uri, null);
    }

    private Route absoluteForm(String uri, int schemeEnd, boolean tlsMarker, List<String> hosts) {
        boolean https = schemeEnd == 5 && uri.regionMatches(true, 0, "https", 0, 5);
        if (!https && (schemeEnd != 4 || !uri.regionMatches(true, 0, "http", 0, 4))) {
            return new Route.Refused(Reason.BAD_REQUEST, "only http:// and https:// targets are proxied");
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
            end++;
        }
        Authority authority = Authority.parse(uri.substring(start, end));
        if (authority == null) {
            return new Route.Refused(Reason.BAD_REQUEST, "invalid authority in request target");
        }
        String path = originForm(uri.substring(end));
        if (https || tlsMarker) {
            return byAuthority(authority, path, hosts.isEmpty() ? authority.raw() : hosts.get(0));
        }
        return isThisListener(authority) ? pathPrefix(path) : byAuthority(authority, path, null);
    }

    /** {@code CONNECT host:port}, to a host passed through as any other: a service is never called through one. */
    private Route tunnel(String target) {
        Authority authority = Authority.parse(target);
        if (authority == null || authority.port() < 0) {
            return new Route.Refused(Reason.BAD_REQUEST, "CONNECT needs host:port");
        }
        if (services.containsKey(authority.host())) {
            return new Route.Refused(Reason.METHOD_NOT_ALLOWED, "'" + authority.host() + "' is a service: call it"
                    + " over http://, or over https:// with the agent's https-hosts, not through a CONNECT tunnel");
        }
        if (unknownHosts == UnknownHosts.REJECT) {
            return new Route.Refused(Reason.UNKNOWN_HOST, "no service is named '" + authority.host() + "'");
        }
        return new Route.Tunnel(authority.host(), authority.port());
    }

    /** @param tlsHost the Host header of a call the app made over TLS, or null for a plain call */
    private Route byAuthority(Authority authority, String uri, String tlsHost) {
        boolean tls = tlsHost != null;
        String upstreamHost = tls ? tlsHost : authority.raw();
        Cluster cluster = services.get(authority.host());
        if (cluster != null) {
            if (tls && cluster.security() == UpstreamSecurity.PLAINTEXT) {
                // Never send in the clear what the app meant to encrypt.
                return new Route.Refused(Reason.TLS_NOT_CONFIGURED, "the app called '" + authority.host()
                        + "' over https://, but the sidecar talks to that service in plaintext (tls: none)");
            }
            return new Route.ToService(cluster, uri, upstreamHost);
        }
        if (unknownHosts == UnknownHosts.REJECT) {
            return new Route.Refused(Reason.UNKNOWN_HOST, "no service is named '" + authority.host() + "'");
        }
        return new Route.Passthrough(tls ? passthroughTls : passthrough, authority.host(),
                authority.portOr(tls ? HTTPS_PORT : HTTP_PORT), uri, upstreamHost);
    }

    /** {@code /orders/x?y} → service {@code orders}, target {@code /x?y}. */
    private Route pathPrefix(String uri) {
        int end = 1;
        while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
            end++;
        }
        String name = uri.substring(1, end).toLowerCase(Locale.ROOT);
        Cluster cluster = services.get(name);
        if (cluster == null) {
            return new Route.Refused(Reason.UNKNOWN_SERVICE,
                    name.isEmpty() ? "path must start with a service name" : "no service is named '" + name + "'");
        }
        return new Route.ToService(cluster, originForm(uri.substring(end)), cluster.name());
    }

    /** What follows an authority or a service prefix, as an origin-form target. */
    private static String originForm(String rest) {
        return rest.isEmpty() ? "/" : rest.startsWith("?") ? "/" + rest : rest;
    }

    private boolean isThisListener(Authority authority) {
        return authority.port() == listener.port()
                && (LOOPBACK_NAMES.contains(authority.host()) || authority.host().equals(listener.host()));
    }
}
