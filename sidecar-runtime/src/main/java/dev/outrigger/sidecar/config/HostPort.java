package dev.outrigger.sidecar.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing and comparing {@code host:port} addresses and host names. */
final class HostPort {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMERIC_LABELS = Pattern.compile("[0-9.]+");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");

    private HostPort() {
    }

    /** {@code host:port}, or {@code [ipv6]:port}; the host is a name or an IP address, the port 1..65535. */
    static Address parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            requireIpv6(host, text);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an IPv6 address must be in brackets, like [::1]:8080, got '" + text + "'");
        } else if (!isHostName(host)) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name or IPv4 address");
        }
        return new Address(host, parsePort(port));
    }

    /** A DNS name (labels of letters, digits and inner dashes, dots between) or an IPv4 address. */
    static boolean isHostName(String host) {
        if (host.length() > 253) {
            return false;
        }
        if (NUMERIC_LABELS.matcher(host).matches()) {
            return isIpv4(host);
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether connecting to {@code target} would reach {@code listener} on this host: same port and the same
     * host, or a wildcard listener reached through loopback.
     */
    static boolean reaches(Address target, Address listener) {
        return target.port() == listener.port()
                && (sameHost(target, listener) || WILDCARDS.contains(listener.host()) && isLoopback(target.host()));
    }

    /** Whether two listeners would fight over the same socket. */
    static boolean bindConflict(Address a, Address b) {
        return a.port() == b.port() && (sameHost(a, b) || WILDCARDS.contains(a.host()) || WILDCARDS.contains(b.host()));
    }

    private static boolean sameHost(Address a, Address b) {
        return a.host().equalsIgnoreCase(b.host())
                || isLoopback(a.host()) && isLoopback(b.host()) && a.host().contains(":") == b.host().contains(":");
    }

    private static boolean isLoopback(String host) {
        return LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    private static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void requireIpv6(String host, String text) {
        try {
            // A literal with ':' is parsed, never looked up.
            if (host.indexOf(':') >= 0 && InetAddress.getByName(host) instanceof Inet6Address) {
                return;
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + host + "' in '" + text + "' is not a valid IPv6 address");
    }

    private static int parsePort(String port) {
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got '" + port + "'");
        }
        return Integer.parseInt(port);
    }
}
