package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;

/**
 * On exit of Jetty's {@code ProxyConfiguration.match(Origin)}, asked once per destination (scheme, host, port): a
 * client whose app configured no proxy at all gets the sidecar as its HTTP proxy, for plain http and for https to
 * hosts in {@code https-hosts}, which {@link JettyHttpsNoTunnelHook} (Jetty 10 and later) and
 * Jetty94HttpsNoTunnelHook keep Jetty from tunnelling. A client with proxies of its own keeps its answer, even when
 * none of them matched.
 */
public final class JettyProxyHook extends OnExit<ProxyConfiguration.Proxy, ProxyConfiguration, Origin> {

    @Override
    public ProxyConfiguration.Proxy exit(ProxyConfiguration.Proxy proxy, ProxyConfiguration configuration,
                                         Origin origin) {
        if (proxy == null && configuration.getProxies().isEmpty()) {
            Origin.Address address = origin.getAddress();
            InetSocketAddress sidecar = "https".equalsIgnoreCase(origin.getScheme()) // 9.4's Origin has no isSecure()
                    ? SidecarRoutes.plaintextSidecarForHttps(address.getHost(), address.getPort())
                    : SidecarRoutes.sidecarFor(origin.getScheme(), address.getHost(), address.getPort());
            if (sidecar != null) {
                return new HttpProxy(sidecar.getHostString(), sidecar.getPort());
            }
        }
        return proxy;
    }
}
