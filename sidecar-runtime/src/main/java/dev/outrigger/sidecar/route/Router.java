package dev.outrigger.sidecar.route;

import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.OutboundSettings.UnknownHosts;
import dev.outrigger.sidecar.proxy.LocalReply.Reason;
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
 */
public final class Router {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final Map<String, Cluster> services;
    private final UnknownHosts unknownHosts;
    private final Address listener;
    private final Cluster passthrough;

    /**
     * @param services    clusters by lower-case service name
     * @param listener    the outbound listener's own address: a request addressed to it uses the path-prefix form
     * @param passthrough the policies for hosts no service names ({@link Cluster#passthrough})
     */
    public Router(Map<String, Cluster> services, UnknownHosts unknownHosts, Address listener, Cluster passthrough) {
        this.services = Map.copyOf(services);
        this.unknownHosts = unknownHosts;
        this.listener = listener;
        this.passthrough = passthrough;
    }

    public Route route(HttpRequest request) {
        if (HttpMethod.CONNECT.equals(request.method())) {
            return new Route.Refused(Reason.METHOD_NOT_ALLOWED, "CONNECT tunnels are not supported");
        }
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.size() > 1) {
            return new Route.Refused(Reason.BAD_REQUEST, "more than one Host header");
        }
        String uri = request.uri();
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd > 0 && uri.charAt(0) != '/') {
            return absoluteForm(uri, schemeEnd);
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
        return isThisListener(authority) ? pathPrefix(uri) : byAuthority(authority, uri);
    }

    private Route absoluteForm(String uri, int schemeEnd) {
        if (!uri.regionMatches(true, 0, "http", 0, schemeEnd) || schemeEnd != 4) {
            return new Route.Refused(Reason.BAD_REQUEST, "only http:// targets are proxied");
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
        return isThisListener(authority) ? pathPrefix(path) : byAuthority(authority, path);
    }

    private Route byAuthority(Authority authority, String uri) {
        Cluster cluster = services.get(authority.host());
        if (cluster != null) {
            return new Route.ToService(cluster, uri, authority.raw());
        }
        if (unknownHosts == UnknownHosts.REJECT) {
            return new Route.Refused(Reason.UNKNOWN_HOST, "no service is named '" + authority.host() + "'");
        }
        return new Route.Passthrough(passthrough, authority.host(), authority.portOr(80), uri, authority.raw());
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
