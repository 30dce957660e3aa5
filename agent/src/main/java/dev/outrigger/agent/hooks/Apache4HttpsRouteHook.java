package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.apache.http.HttpHost;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.conn.routing.RouteInfo.LayerType;
import org.apache.http.conn.routing.RouteInfo.TunnelType;
import org.apache.http.impl.conn.DefaultRoutePlanner;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

/**
 * On exit of Apache HttpClient 4's {@code DefaultRoutePlanner.determineRoute}, woven only when {@code https-hosts} is
 * set: a direct route to an opted-in https host becomes a plain, untunnelled route through the sidecar, so the
 * client writes {@code GET https://host/x} in plaintext and the sidecar originates the TLS; the client's own TLS
 * settings are not used for that call. A route the app chose (a proxy, a planner of its own) is kept.
 */
public final class Apache4HttpsRouteHook extends OnExit<HttpRoute, Object, Object> {

    @Override
    public HttpRoute exit(HttpRoute route, Object planner, Object host) {
        Class<?> type = planner.getClass();
        if (route != null && route.getProxyHost() == null && route.isSecure()
                && (type == DefaultRoutePlanner.class || type == SystemDefaultRoutePlanner.class)) {
            HttpHost target = route.getTargetHost();
            InetSocketAddress sidecar = SidecarRoutes.plaintextSidecarForHttps(target.getHostName(), target.getPort());
            if (sidecar != null) {
                return new HttpRoute(target, route.getLocalAddress(),
                        new HttpHost(sidecar.getHostString(), sidecar.getPort(), "http"), false, TunnelType.PLAIN,
                        LayerType.PLAIN);
            }
        }
        return route;
    }
}
