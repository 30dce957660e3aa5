package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;

/**
 * On exit of Jetty's {@code ProxyConfiguration.match(Origin)}, asked once per destination (scheme, host, port): a
 * client whose app configured no proxy at all gets the sidecar as its HTTP proxy, for plain http and, where
 * {@link JettyHttpsNoTunnelHook} can keep Jetty from tunnelling (Jetty 10 and later), for https to hosts in
 * {@code https-hosts}. A client with proxies of its own keeps its answer, even when none of them matched.
 */
public final class JettyProxyHook extends OnExit<ProxyConfiguration.Proxy, ProxyConfiguration, Origin> {
    /** Whether {@link JettyHttpsNoTunnelHook} applies: Jetty 9.4 decides to tunnel where no hook reaches. */
    private static final boolean TUNNEL_CAN_BE_SKIPPED = hasRequiresTunnel();

    @Override
    public ProxyConfiguration.Proxy exit(ProxyConfiguration.Proxy proxy, ProxyConfiguration configuration,
                                         Origin origin) {
        if (proxy == null && configuration.getProxies().isEmpty()) {
            Origin.Address address = origin.getAddress();
            InetSocketAddress sidecar;
            if (!"https".equalsIgnoreCase(origin.getScheme())) { // Jetty 9.4's Origin has no isSecure()
                sidecar = SidecarRoutes.sidecarFor(origin.getScheme(), address.getHost(), address.getPort());
            } else {
                sidecar = TUNNEL_CAN_BE_SKIPPED
                        ? SidecarRoutes.plaintextSidecarForHttps(address.getHost(), address.getPort()) : null;
            }
            if (sidecar != null) {
                return new HttpProxy(sidecar.getHostString(), sidecar.getPort());
            }
        }
        return proxy;
    }

    private static boolean hasRequiresTunnel() {
        try {
            HttpProxy.class.getMethod("requiresTunnel", Origin.class);
            return true;
        } catch (NoSuchMethodException jetty94) {
            return false;
        }
    }
}
