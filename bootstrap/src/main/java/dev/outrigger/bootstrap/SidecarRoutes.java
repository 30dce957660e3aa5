package dev.outrigger.bootstrap;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What advice woven into client libraries calls: whether a call goes to the sidecar, and where the sidecar is. It
 * answers only while the agent's {@link SidecarProxySelector} is the default, so an app that installs its own
 * default selector keeps its choice for every client, woven or not.
 */
public final class SidecarRoutes {

    private SidecarRoutes() {
    }

    /**
     * @param port {@code -1} for the scheme's default
     * @return the sidecar's address, or {@code null} when the call should go as it would without the agent
     */
    public static InetSocketAddress sidecarFor(String scheme, String host, int port) {
        ProxySelector selector = ProxySelector.getDefault();
        if (!(selector instanceof SidecarProxySelector sidecar) || scheme == null || host == null) {
            return null;
        }
        try {
            return sidecar.sidecarFor(new URI(scheme, null, host, port, null, null, null));
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }
}
