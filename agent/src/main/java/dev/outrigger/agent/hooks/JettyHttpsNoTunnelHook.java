package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;

/**
 * On exit of Jetty's {@code HttpProxy.requiresTunnel(Origin)} (Jetty 10 and later), woven only when
 * {@code https-hosts} is set: the sidecar, which {@link JettyProxyHook} made the proxy of an opted-in https
 * destination, needs no tunnel. Jetty then connects to it without CONNECT and without TLS and writes the request in
 * absolute form ({@code GET https://host/x}), and the sidecar originates the TLS; the client's own
 * {@code SslContextFactory} is not used for that call. Jetty 9.4 decides elsewhere: see Jetty94HttpsNoTunnelHook.
 */
public final class JettyHttpsNoTunnelHook extends OnExit<Boolean, HttpProxy, Origin> {

    @Override
    public Boolean exit(Boolean requiresTunnel, HttpProxy proxy, Origin origin) {
        Origin.Address target = origin.getAddress();
        Origin.Address proxyAddress = proxy.getAddress();
        return requiresTunnel && !(origin.isSecure() && SidecarRoutes.isPlaintextSidecarForHttps(
                proxyAddress.getHost(), proxyAddress.getPort(), target.getHost(), target.getPort()));
    }
}
