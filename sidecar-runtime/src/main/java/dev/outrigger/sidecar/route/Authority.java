package dev.outrigger.sidecar.route;

import java.util.Locale;

/**
 * The {@code host[:port]} of a request as the caller wrote it, with the host normalised for matching
 * (lower case, no trailing dot, IPv6 without brackets).
 *
 * @param port the explicit port, or -1 when none was written
 */
public record Authority(String raw, String host, int port) {

    /** Parses an authority; returns null when it is not a valid one (empty, userinfo, bad port). */
    public static Authority parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.indexOf('@') >= 0 || raw.indexOf(' ') >= 0) {
            return null;
        }
        String host;
        String portText = null;
        if (raw.startsWith("[")) {
            int close = raw.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = raw.substring(1, close);
            if (close + 1 < raw.length()) {
                if (raw.charAt(close + 1) != ':') {
                    return null;
                }
                portText = raw.substring(close + 2);
            }
        } else {
            int colon = raw.lastIndexOf(':');
            host = colon < 0 ? raw : raw.substring(0, colon);
            portText = colon < 0 ? null : raw.substring(colon + 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        int port = -1;
        if (portText != null) {
            port = parsePort(portText);
            if (port < 0) {
                return null;
            }
        }
        return new Authority(raw, host.toLowerCase(Locale.ROOT), port);
    }

    private static int parsePort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        int port = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535 ? port : -1;
    }

    public int portOr(int defaultPort) {
        return port < 0 ? defaultPort : port;
    }
}
