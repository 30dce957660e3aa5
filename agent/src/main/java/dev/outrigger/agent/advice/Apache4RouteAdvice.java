package dev.outrigger.agent.advice;

import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import net.bytebuddy.asm.Advice;
import org.apache.http.HttpHost;
import org.apache.http.impl.conn.DefaultRoutePlanner;

/**
 * On exit of Apache HttpClient 4's {@code DefaultRoutePlanner.determineProxy}, which both the classic and the async
 * (HttpAsyncClient 4) builders use unless the app set a proxy, a route planner or {@code useSystemProperties()}.
 * A subclass of the app's own keeps its answer.
 */
public final class Apache4RouteAdvice {

    private Apache4RouteAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void toSidecar(@Advice.This Object planner, @Advice.Argument(0) HttpHost target,
                          @Advice.Return(readOnly = false) HttpHost proxy) {
        if (proxy == null && planner.getClass() == DefaultRoutePlanner.class) {
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor(target.getSchemeName(), target.getHostName(),
                    target.getPort());
            if (sidecar != null) {
                proxy = new HttpHost(sidecar.getHostString(), sidecar.getPort(), "http");
            }
        }
    }
}
