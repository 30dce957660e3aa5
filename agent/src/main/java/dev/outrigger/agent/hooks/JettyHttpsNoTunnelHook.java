package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;

/**
 * On exit of Jetty's {@code HttpProxy.requiresTunnel(Origin)} (Jetty 10 and later), woven only when
 * {@code https-hosts} is set: the sidecar, which {@link JettyProxyHook} made the proxy of an opted-in https
 * destination, needs no tunnel. Jetty then connects to it without CONNECT and without TLS and writes the request in
 * absolute form ({@code GET https://host/x}), and the sidecar originates the TLS; the client's own
 * {@code SslContextFactory} is not used for that call.
 */
public final class JettyHttpsNoTunnelHook extends OnExit<Boolean, HttpProxy, Origin> {

    @Override
    public Boolean exit(Boolean requiresTunnel, HttpProxy proxy, Origin origin) {
        if (requiresTunnel && origin.isSecure()) {
            Origin.Address target = origin.getAddress();
            InetSocketAddress sidecar = SidecarRoutes.plaintextSidecarForHttps(target.getHost(), target.getPort());
            Origin.Address proxyAddress = proxy.getAddress();
            if (sidecar != null && proxyAddress.getHost().equals(sidecar.getHostString())
                    && proxyAddress.getPort() == sidecar.getPort()) {
                return false;
            }
        }
        return requiresTunnel;
    }
}
