package dev.outrigger.agent.advice;

import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;

/**
 * On exit of Jetty's {@code ProxyConfiguration.match(Origin)}, asked once per destination (scheme, host, port): a
 * client whose app configured no proxy at all gets the sidecar as its HTTP proxy. A client with proxies of its own
 * keeps its answer, even when none of them matched.
 */
public final class JettyProxyAdvice {

    private JettyProxyAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void toSidecar(@Advice.This ProxyConfiguration configuration, @Advice.Argument(0) Origin origin,
                          @Advice.Return(readOnly = false) ProxyConfiguration.Proxy proxy) {
        if (proxy == null && configuration.getProxies().isEmpty()) {
            Origin.Address address = origin.getAddress();
            InetSocketAddress sidecar = SidecarRoutes.sidecarFor(origin.getScheme(), address.getHost(),
                    address.getPort());
            if (sidecar != null) {
                proxy = new HttpProxy(sidecar.getHostString(), sidecar.getPort());
            }
        }
    }
}
