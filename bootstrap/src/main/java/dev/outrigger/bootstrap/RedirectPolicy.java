package dev.outrigger.bootstrap;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides which calls go to the sidecar: plain {@code http} URIs whose host is included and not excluded, never a
 * loopback host and never the sidecar itself. {@code https} is left alone (the sidecar would only see a tunnel),
 * except, for clients that can hand it to the sidecar in plaintext, to hosts the app opted in with
 * {@code https-hosts} (and did not exclude): the sidecar then originates the TLS.
 */
public final class RedirectPolicy {
    private static final int HTTP_DEFAULT_PORT = 80;

    private final String sidecarHost;
    private final int sidecarPort;
    private final List<HostGlob> include;
    private final List<HostGlob> exclude;
    private final List<HostGlob> httpsHosts;

    /** A policy that leaves every {@code https} call alone. */
    public RedirectPolicy(String sidecarHost, int sidecarPort, List<HostGlob> include, List<HostGlob> exclude) {
        this(sidecarHost, sidecarPort, include, exclude, List.of());
    }

    /**
     * @param include    host globs to redirect; empty means every host
     * @param exclude    host globs never to redirect; wins over {@code include} and {@code httpsHosts}
     * @param httpsHosts host globs whose {@code https} calls go to the sidecar in plaintext; empty means none
     */
    public RedirectPolicy(String sidecarHost, int sidecarPort, List<HostGlob> include, List<HostGlob> exclude,
                          List<HostGlob> httpsHosts) {
        this.sidecarHost = normalize(sidecarHost);
        this.sidecarPort = sidecarPort;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.httpsHosts = List.copyOf(httpsHosts);
    }

    public boolean redirects(URI uri) {
        if (uri == null || !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        String host = normalize(uri.getHost());
        if (LoopbackHost.is(host) || isSidecar(host, uri.getPort())) {
            return false;
        }
        return (include.isEmpty() || anyMatches(include, host)) && !anyMatches(exclude, host);
    }

    /** Whether an {@code https} call goes to the sidecar in plaintext, for the sidecar to originate its TLS. */
    public boolean redirectsHttps(URI uri) {
        if (httpsHosts.isEmpty() || uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        String host = normalize(uri.getHost());
        return !LoopbackHost.is(host) && anyMatches(httpsHosts, host) && !anyMatches(exclude, host);
    }

    private boolean isSidecar(String host, int port) {
        return host.equals(sidecarHost) && (port == -1 ? HTTP_DEFAULT_PORT : port) == sidecarPort;
    }

    static boolean anyMatches(List<HostGlob> globs, String host) {
        for (HostGlob glob : globs) {
            if (glob.matches(host)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without IPv6 brackets and without the trailing dot of a fully qualified name. */
    static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
