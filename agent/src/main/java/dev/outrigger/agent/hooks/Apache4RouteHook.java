package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.apache.http.HttpHost;
import org.apache.http.impl.conn.DefaultRoutePlanner;

/**
 * On exit of Apache HttpClient 4's {@code DefaultRoutePlanner.determineProxy}, which both the classic and the async
 * (HttpAsyncClient 4) builders use unless the app set a proxy, a route planner or {@code useSystemProperties()}.
 * A subclass of the app's own keeps its answer.
 */
public final class Apache4RouteHook extends OnExit<HttpHost, Object, HttpHost> {

    @Override
    public HttpHost exit(HttpHost proxy, Object planner, HttpHost target) {
        if (proxy == null && planner.getClass() == DefaultRoutePlanner.class) {
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor(target.getSchemeName(), target.getHostName(),
                    target.getPort());
            if (sidecar != null) {
                return new HttpHost(sidecar.getHostString(), sidecar.getPort(), "http");
            }
        }
        return proxy;
    }
}
