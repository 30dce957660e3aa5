package dev.outrigger.agent.advice;

import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import net.bytebuddy.asm.Advice;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;

/**
 * On exit of Apache HttpClient 5's {@code DefaultRoutePlanner.determineProxy}: the planner every builder uses unless
 * the app set a proxy, a route planner or {@code useSystemProperties()} (those already decide, or ask the default
 * ProxySelector). A subclass of the app's own keeps its answer.
 */
public final class Apache5RouteAdvice {

    private Apache5RouteAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void toSidecar(@Advice.This Object planner, @Advice.Argument(0) HttpHost target,
                          @Advice.Return(readOnly = false) HttpHost proxy) {
        if (proxy == null && planner.getClass() == DefaultRoutePlanner.class) {
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor(target.getSchemeName(), target.getHostName(),
                    target.getPort());
            if (sidecar != null) {
                proxy = new HttpHost("http", sidecar.getHostString(), sidecar.getPort());
            }
        }
    }
}
