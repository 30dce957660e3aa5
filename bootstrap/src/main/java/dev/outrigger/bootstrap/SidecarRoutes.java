package dev.outrigger.bootstrap;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What advice woven into client libraries calls: whether a call goes to the sidecar, and where the sidecar is. It
 * answers only while the agent's {@link SidecarProxySelector} is the default, so an app that installs its own
 * default selector keeps its choice for every client, woven or not.
 */
public final class SidecarRoutes {
    /** Per call, which attempt went to which sidecar in plaintext; weak keys, so a finished call leaves by itself. */
    private static final Map<Object, HandedOver> HANDED_OVER = new WeakHashMap<>();
    /** Whether anything was ever handed over: without {@code https-hosts}, asking costs a read, not a lock. */
    private static volatile boolean anyHandedOver;

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
        return sidecar != null && isAt(sidecar, proxyHost, proxyPort);
    }

    /** Whether {@code address} is {@code host:port} as a client names its proxy or peer: by the same host string. */
    static boolean isAt(InetSocketAddress address, String host, int port) {
        return address.getPort() == port && address.getHostString().equals(host);
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
     * Whether a call through the proxy (or to the peer) {@code proxyHost:proxyPort} carries signals: they are on and
     * that is the sidecar. For a library that learns only as it writes the request that its body can be sent again,
     * and then adds {@link CallSignals#REPLAYABLE} itself.
     */
    public static boolean signalsGoVia(String proxyHost, int proxyPort) {
        return proxyHost != null && ProxySelector.getDefault() instanceof SidecarProxySelector sidecar
                && sidecar.signalsGoVia(proxyHost, proxyPort);
    }

    /**
     * {@link #sidecarFor(String, String, int)} for a library that only shows its target as a URL text: only its
     * scheme and authority are read, so an odd character in the path cannot get in the way.
     */
    public static InetSocketAddress sidecarForUrl(String url) {
        URI target = schemeAndAuthority(url);
        return target == null ? null : sidecarFor(target.getScheme(), target.getHost(), target.getPort());
    }

    /** {@link #plaintextSidecarForHttps(String, int)} for an {@code https} URL text; {@code null} for any other. */
    public static InetSocketAddress plaintextSidecarForHttpsUrl(String url) {
        URI target = schemeAndAuthority(url);
        return target == null || !"https".equalsIgnoreCase(target.getScheme()) ? null
                : plaintextSidecarForHttps(target.getHost(), target.getPort());
    }

    /**
     * For a library that settles an https call's TLS and the address it connects to at two different points: the
     * first point, having left out the TLS of one {@code attempt} of {@code call}, records that it goes to
     * {@code sidecar}, and the second asks {@link #handedOver}, so both agree on any thread even if the sidecar's
     * state changes between them. Kept only while {@code call} is alive (a weak key, compared with its
     * {@code equals}: pass an object that keeps Object's); the attempt is compared by identity.
     */
    public static void handOver(Object call, Object attempt, InetSocketAddress sidecar) {
        synchronized (HANDED_OVER) {
            HANDED_OVER.put(call, new HandedOver(attempt, sidecar));
        }
        anyHandedOver = true;
    }

    /** @return the sidecar {@link #handOver} recorded for this very {@code attempt} of {@code call}, else {@code null} */
    public static InetSocketAddress handedOver(Object call, Object attempt) {
        if (!anyHandedOver) {
            return null;
        }
        HandedOver recorded;
        synchronized (HANDED_OVER) {
            recorded = HANDED_OVER.get(call);
        }
        return recorded != null && recorded.attempt() == attempt ? recorded.sidecar() : null;
    }

    private record HandedOver(Object attempt, InetSocketAddress sidecar) {
    }

    private static URI schemeAndAuthority(String url) {
        int authority = url == null ? -1 : url.indexOf("://");
        if (authority < 0) {
            return null;
        }
        int end = authority + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        try {
            return new URI(url.substring(0, end));
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }
}
