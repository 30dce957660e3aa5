package dev.outrigger.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Recognises loopback hosts from their text alone: no name is ever looked up. */
final class LoopbackHost {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private LoopbackHost() {
    }

    /** @param host lower case, without IPv6 brackets */
    static boolean is(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(host).matches()) {
            return true;
        }
        return host.indexOf(':') >= 0 && isIpv6Loopback(host);
    }

    private static boolean isIpv6Loopback(String literal) {
        try {
            // A text with a colon is parsed as an IPv6 literal (or rejected), never resolved.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
