package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;

/**
 * On exit of Apache HttpClient 5's {@code DefaultRoutePlanner.determineProxy}: the planner every builder uses unless
 * the app set a proxy, a route planner or {@code useSystemProperties()} (those already decide, or ask the default
 * ProxySelector). A subclass of the app's own keeps its answer.
 */
public final class Apache5RouteHook extends OnExit<HttpHost, Object, HttpHost> {

    @Override
    public HttpHost exit(HttpHost proxy, Object planner, HttpHost target) {
        if (proxy == null && planner.getClass() == DefaultRoutePlanner.class) {
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor(target.getSchemeName(), target.getHostName(),
                    target.getPort());
            if (sidecar != null) {
                return new HttpHost("http", sidecar.getHostString(), sidecar.getPort());
            }
        }
        return proxy;
    }
}
