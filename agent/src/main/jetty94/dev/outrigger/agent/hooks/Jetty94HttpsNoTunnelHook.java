package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import org.eclipse.jetty.client.HttpDestination;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyConfiguration;
import org.eclipse.jetty.io.ClientConnectionFactory;

/**
 * On exit of Jetty 9.4's {@code HttpDestination.getClientConnectionFactory()}, asked for each new connection, woven
 * only when {@code https-hosts} is set. Jetty 9.4 has no {@code requiresTunnel}: its proxy's connection factory
 * tunnels every secure destination. For an opted-in https destination whose proxy is the sidecar
 * ({@link JettyProxyHook}), the connection is the client's bare transport instead (decorated by the origin's tag,
 * as Jetty does): no CONNECT, no TLS, the sidecar originates the TLS. Jetty94SendHook then writes the request in
 * absolute form.
 */
public final class Jetty94HttpsNoTunnelHook extends OnExit<ClientConnectionFactory, HttpDestination, Object> {

    @Override
    public ClientConnectionFactory exit(ClientConnectionFactory factory, HttpDestination destination, Object none) {
        ProxyConfiguration.Proxy proxy = destination.getProxy();
        if (proxy != null && destination.isSecure()) {
            Origin.Address address = proxy.getAddress();
            if (SidecarRoutes.isPlaintextSidecarForHttps(address.getHost(), address.getPort(), destination.getHost(),
                    destination.getPort())) {
                ClientConnectionFactory transport = destination.getHttpClient().getTransport();
                Object tag = destination.getOrigin().getTag(); // decorates the factory as HttpDestination's own does
                return tag instanceof ClientConnectionFactory.Decorator decorator ? decorator.apply(transport)
                        : transport;
            }
        }
        return factory;
    }
}
