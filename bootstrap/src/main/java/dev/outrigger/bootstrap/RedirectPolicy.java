package dev.outrigger.bootstrap;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Decides which calls go to the sidecar: plain {@code http} URIs whose host is included and not excluded, never a
 * loopback host and never the sidecar itself. {@code https} is left alone (the sidecar would only see a tunnel).
 */
public final class RedirectPolicy {
    private static final int HTTP_DEFAULT_PORT = 80;

    private final String sidecarHost;
    private final int sidecarPort;
    private final List<HostGlob> include;
    private final List<HostGlob> exclude;

    /**
     * @param include host globs to redirect; empty means every host
     * @param exclude host globs never to redirect; wins over {@code include}
     */
    public RedirectPolicy(String sidecarHost, int sidecarPort, List<HostGlob> include, List<HostGlob> exclude) {
        this.sidecarHost = normalize(sidecarHost);
        this.sidecarPort = sidecarPort;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
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
