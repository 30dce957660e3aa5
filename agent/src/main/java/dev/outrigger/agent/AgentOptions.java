package dev.outrigger.agent;

import dev.outrigger.bootstrap.FailMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's settings. Each option comes from the first of: the agent arguments
 * ({@code -javaagent:outrigger-agent.jar=sidecar=127.0.0.1:15001,exclude=*.example.com;*.internal}), the system
 * property {@code outrigger.<name>}, the environment variable {@code OUTRIGGER_<NAME>}, the default. Options are
 * separated by {@code ,} in the agent arguments, so list values there use {@code ;}; elsewhere either works.
 * A bad value never stops the agent: it is reported and the default is used. This runs before the app, so it
 * sticks to plain loops: a first lambda or stream costs a JVM tens of milliseconds.
 *
 * @param include host globs to redirect, empty for all hosts
 * @param exclude host globs never to redirect, the JVM's {@code http.nonProxyHosts} included
 * @param failClosed host globs that fail closed whatever {@code fail} says
 * @param waitForSidecar how long the first redirected call waits for the sidecar, zero for not at all
 * @param lease whether to hold a lease on the sidecar, which it may exit with
 * @param admin the sidecar's admin listener, where the lease is taken
 * @param httpsHosts host globs whose https:// calls go to the sidecar in plaintext, for it to originate the TLS;
 *                   empty (the default) leaves every https:// call alone
 * @param signals whether redirected calls tell the sidecar their timeout and whether their body can be sent again
 * @param caller with {@code signals}, whether they also name their calling class; off by default, as walking the
 *               stack costs 15 to 60 microseconds per call
 */
record AgentOptions(InetSocketAddress sidecar, List<String> include, List<String> exclude, FailMode fail,
                    List<String> failClosed, Duration waitForSidecar, boolean lease, InetSocketAddress admin,
                    LogLevel log, List<String> httpsHosts, boolean signals, boolean caller) {

    static final InetSocketAddress DEFAULT_SIDECAR = InetSocketAddress.createUnresolved("127.0.0.1", 15001);
    static final InetSocketAddress DEFAULT_ADMIN = InetSocketAddress.createUnresolved("127.0.0.1", 15000);
    private static final List<String> NAMES = List.of("sidecar", "include", "exclude", "fail", "fail-closed", "wait",
            "lease", "admin", "log", "https-hosts", "signals", "caller");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");
    private static final Pattern DURATION = Pattern.compile("0|(\\d{1,9})(ms|s|m)");

    /** {@code lease}, {@code signals} and {@code caller}: on or off. */
    private enum Switch { ON, OFF }

    /**
     * @param systemProperties {@link System#getProperties()} or a stand-in
     * @param environment {@link System#getenv()} or a stand-in
     * @param warnings receives one line per ignored argument or bad value
     */
    static AgentOptions resolve(String agentArgs, Map<?, ?> systemProperties, Map<String, String> environment,
                                List<String> warnings) {
        Map<String, String> args = parseAgentArgs(agentArgs, warnings);
        Sources sources = new Sources(args, systemProperties, environment);
        return new AgentOptions(
                address(sources.lookup("sidecar"), DEFAULT_SIDECAR, warnings),
                hostGlobs(sources.lookup("include")),
                withNonProxyHosts(hostGlobs(sources.lookup("exclude")), systemProperties.get("http.nonProxyHosts")),
                oneOf(sources.lookup("fail"), FailMode.class, FailMode.OPEN, warnings),
                hostGlobs(sources.lookup("fail-closed")),
                duration(sources.lookup("wait"), warnings),
                on(sources.lookup("lease"), warnings),
                address(sources.lookup("admin"), DEFAULT_ADMIN, warnings),
                oneOf(sources.lookup("log"), LogLevel.class, LogLevel.INFO, warnings),
                hostGlobs(sources.lookup("https-hosts")),
                on(sources.lookup("signals"), warnings),
                on(sources.lookup("caller"), warnings));
    }

    /** The options as one would write them in the agent arguments, defaults left out except the sidecar. */
    String summary() {
        return "sidecar=" + text(sidecar) + ", fail=" + lowerCase(fail)
                + (failClosed.isEmpty() ? "" : ", fail-closed=" + String.join(";", failClosed))
                + (include.isEmpty() ? "" : ", include=" + String.join(";", include))
                + (exclude.isEmpty() ? "" : ", exclude=" + String.join(";", exclude))
                + (waitForSidecar.isZero() ? "" : ", wait=" + waitForSidecar.toMillis() + "ms")
                + (lease ? ", lease=on, admin=" + text(admin) : "")
                + (httpsHosts.isEmpty() ? "" : ", https-hosts=" + String.join(";", httpsHosts))
                + (log == LogLevel.INFO ? "" : ", log=" + lowerCase(log))
                + (signals ? ", signals=on" : "")
                + (caller ? ", caller=on" : "");
    }

    private static String text(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static boolean on(Setting value, List<String> warnings) {
        return oneOf(value, Switch.class, Switch.OFF, warnings) == Switch.ON;
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Where options come from, in order of precedence. */
    private record Sources(Map<String, String> args, Map<?, ?> systemProperties, Map<String, String> environment) {
        /** @return the option's raw text and where it came from, or {@code null} when no source sets it */
        Setting lookup(String name) {
            if (args.containsKey(name)) {
                return new Setting(name, args.get(name), "agent argument " + name);
            }
            String property = "outrigger." + name;
            if (systemProperties.get(property) instanceof String value) {
                return new Setting(name, value, "system property " + property);
            }
            String variable = "OUTRIGGER_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            String value = environment.get(variable);
            return value == null ? null : new Setting(name, value, "environment variable " + variable);
        }
    }

    /** An option's raw text and where it came from, for warnings. */
    private record Setting(String name, String value, String source) {
        void reject(List<String> warnings, String expected, Object fallback) {
            warnings.add("ignoring " + name + "=" + value + " from " + source + ": expected " + expected
                    + "; using " + fallback);
        }
    }

    private static Map<String, String> parseAgentArgs(String agentArgs, List<String> warnings) {
        Map<String, String> args = new HashMap<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return args;
        }
        for (String entry : agentArgs.split(",")) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry.trim() : entry.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (equals < 0 || !NAMES.contains(name)) {
                warnings.add("ignoring agent argument '" + entry + "': expected name=value with a name among " + NAMES);
            } else {
                args.put(name, entry.substring(equals + 1).trim());
            }
        }
        return args;
    }

    private static InetSocketAddress address(Setting setting, InetSocketAddress fallback, List<String> warnings) {
        if (setting == null) {
            return fallback;
        }
        String value = setting.value().trim();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon).replace("[", "").replace("]", "");
        int port = colon < 0 ? -1 : parsePort(value.substring(colon + 1));
        if (host.isEmpty() || port < 1) {
            setting.reject(warnings, "host:port", text(fallback));
            return fallback;
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code 0}, or a whole number of {@code ms}, {@code s} or {@code m}. */
    private static Duration duration(Setting setting, List<String> warnings) {
        if (setting == null) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(setting.value().trim());
        if (!matcher.matches()) {
            setting.reject(warnings, "a duration such as 5s or 500ms", "0 (no wait)");
            return Duration.ZERO;
        }
        if (matcher.group(1) == null) {
            return Duration.ZERO;
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            default:
                return Duration.ofMinutes(amount);
        }
    }

    /**
     * Hosts the app itself said must never go through a proxy ({@code -Dhttp.nonProxyHosts=a|*.b}, the JDK's own
     * list, same glob syntax) are never redirected either.
     */
    private static List<String> withNonProxyHosts(List<String> exclude, Object nonProxyHosts) {
        if (!(nonProxyHosts instanceof String list) || list.isBlank()) {
            return exclude;
        }
        List<String> all = new ArrayList<>(exclude);
        for (String glob : list.split("\\|")) {
            if (!glob.isBlank()) {
                all.add(glob.trim());
            }
        }
        return List.copyOf(all);
    }

    private static List<String> hostGlobs(Setting setting) {
        if (setting == null) {
            return List.of();
        }
        List<String> globs = new ArrayList<>();
        for (String glob : LIST_SEPARATOR.split(setting.value())) {
            if (!glob.isBlank()) {
                globs.add(glob.trim());
            }
        }
        return List.copyOf(globs);
    }

    private static <E extends Enum<E>> E oneOf(Setting setting, Class<E> type, E fallback, List<String> warnings) {
        if (setting == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, setting.value().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringJoiner expected = new StringJoiner("|");
            for (E constant : type.getEnumConstants()) {
                expected.add(lowerCase(constant));
            }
            setting.reject(warnings, expected.toString(), lowerCase(fallback));
            return fallback;
        }
    }
}
