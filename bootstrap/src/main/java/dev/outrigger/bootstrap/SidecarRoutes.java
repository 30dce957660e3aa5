package dev.outrigger.bootstrap;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

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
        return ask(scheme, host, port, false);
    }

    /**
     * Where an {@code https} call to {@code host} goes when the client can send it to a proxy in plaintext
     * ({@code GET https://host/x}, no CONNECT, no TLS): the sidecar, which originates the TLS, for a host in
     * {@code https-hosts}; otherwise {@code null} and the call goes as it would without the agent.
     *
     * @param port {@code -1} for 443
     */
    public static InetSocketAddress plaintextSidecarForHttps(String host, int port) {
        return ask("https", host, port, true);
    }

    /**
     * Whether {@code proxyHost:proxyPort}, a client's proxy for an {@code https} call to {@code host:port}, is the
     * sidecar that takes that call in plaintext ({@link #plaintextSidecarForHttps}), so the client must neither
     * tunnel to it nor speak TLS to it.
     */
    public static boolean isPlaintextSidecarForHttps(String proxyHost, int proxyPort, String host, int port) {
        InetSocketAddress sidecar = plaintextSidecarForHttps(host, port);
        return sidecar != null && sidecar.getHostString().equals(proxyHost) && sidecar.getPort() == proxyPort;
    }

    private static InetSocketAddress ask(String scheme, String host, int port, boolean plaintextHttps) {
        ProxySelector selector = ProxySelector.getDefault();
        if (!(selector instanceof SidecarProxySelector sidecar) || scheme == null || host == null) {
            return null;
        }
        try {
            URI target = new URI(scheme, null, host, port, null, null, null);
            return plaintextHttps ? sidecar.plaintextSidecarForHttps(target) : sidecar.sidecarFor(target);
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }

    /**
     * The {@link CallSignals} headers for a call whose route a library already planned: none unless it goes through
     * the proxy {@code proxyHost:proxyPort} and that is the sidecar.
     *
     * @param proxyHost     {@code null} for a direct route
     * @param timeoutMillis the client's own timeout for the call; 0 or less when it has none
     * @param replayable    the client could send the body again
     */
    public static Map<String, String> signalsViaProxy(String proxyHost, int proxyPort, long timeoutMillis,
                                                      boolean replayable) {
        return proxyHost != null && ProxySelector.getDefault() instanceof SidecarProxySelector sidecar
                ? sidecar.signalsViaProxy(proxyHost, proxyPort, timeoutMillis, replayable) : Map.of();
    }

    /**
     * {@link #sidecarFor(String, String, int)} for a library that only shows its target as a URL text: only its
     * scheme and authority are read, so an odd character in the path cannot get in the way.
     */
    public static InetSocketAddress sidecarForUrl(String url) {
        int authority = url == null ? -1 : url.indexOf("://");
        if (authority < 0) {
            return null;
        }
        int end = authority + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        try {
            URI target = new URI(url.substring(0, end));
            return sidecarFor(target.getScheme(), target.getHost(), target.getPort());
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }
}
