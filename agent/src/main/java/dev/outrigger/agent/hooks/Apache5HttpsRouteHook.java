package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.RouteInfo.LayerType;
import org.apache.hc.client5.http.RouteInfo.TunnelType;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;

/**
 * On exit of Apache HttpClient 5's {@code DefaultRoutePlanner.determineRoute} (both overloads; the second pass sees
 * a route with a proxy and leaves it), woven only when {@code https-hosts} is set: a direct route to an opted-in
 * https host becomes a plain, untunnelled route through the sidecar, so the client writes
 * {@code GET https://host/x} in plaintext and the sidecar originates the TLS. The client then neither tunnels nor
 * handshakes, so its own TLS settings (SSLContext, client certificate, host name verifier) are not used for that
 * call. A route the app chose (a proxy, a planner of its own) is kept.
 */
public final class Apache5HttpsRouteHook extends OnExit<HttpRoute, Object, Object> {

    @Override
    public HttpRoute exit(HttpRoute route, Object planner, Object host) {
        Class<?> type = planner.getClass();
        if (route != null && route.getProxyHost() == null && route.isSecure()
                && (type == DefaultRoutePlanner.class || type == SystemDefaultRoutePlanner.class)) {
            HttpHost target = route.getTargetHost();
            InetSocketAddress sidecar = SidecarRoutes.plaintextSidecarForHttps(target.getHostName(), target.getPort());
            if (sidecar != null) {
                return new HttpRoute(target, route.getLocalAddress(),
                        new HttpHost("http", sidecar.getHostString(), sidecar.getPort()), false, TunnelType.PLAIN,
                        LayerType.PLAIN);
            }
        }
        return route;
    }
}
