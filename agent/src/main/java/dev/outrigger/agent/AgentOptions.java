package dev.outrigger.agent;

import dev.outrigger.bootstrap.FailMode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
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
 * @param exclude host globs never to redirect
 * @param signals whether redirected calls of the JDK's clients tell the sidecar their timeout and whether their body
 *                can be sent again; off by default, as it makes every app load Byte Buddy at start
 * @param caller with {@code signals}, whether they also name their calling class; off by default, as walking the
 *               stack costs 15 to 60 microseconds per call
 */
record AgentOptions(InetSocketAddress sidecar, List<String> include, List<String> exclude, FailMode fail,
                    LogLevel log, Switch signals, Switch caller) {

    /** An option that is on or off. */
    enum Switch { ON, OFF }


    static final InetSocketAddress DEFAULT_SIDECAR = InetSocketAddress.createUnresolved("127.0.0.1", 15001);
    private static final List<String> NAMES = List.of("sidecar", "include", "exclude", "fail", "log", "signals",
            "caller");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");

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
                sidecar(sources.lookup("sidecar"), warnings),
                hostGlobs(sources.lookup("include")),
                hostGlobs(sources.lookup("exclude")),
                oneOf(sources.lookup("fail"), FailMode.class, FailMode.OPEN, warnings),
                oneOf(sources.lookup("log"), LogLevel.class, LogLevel.INFO, warnings),
                oneOf(sources.lookup("signals"), Switch.class, Switch.OFF, warnings),
                oneOf(sources.lookup("caller"), Switch.class, Switch.OFF, warnings));
    }

    /** The options as one would write them in the agent arguments, defaults left out except the sidecar. */
    String summary() {
        return "sidecar=" + sidecar.getHostString() + ":" + sidecar.getPort() + ", fail=" + lowerCase(fail)
                + (include.isEmpty() ? "" : ", include=" + String.join(";", include))
                + (exclude.isEmpty() ? "" : ", exclude=" + String.join(";", exclude))
                + (log == LogLevel.INFO ? "" : ", log=" + lowerCase(log))
                + (signals == Switch.OFF ? "" : ", signals=" + lowerCase(signals))
                + (caller == Switch.OFF ? "" : ", caller=" + lowerCase(caller));
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
            String variable = "OUTRIGGER_" + name.toUpperCase(Locale.ROOT);
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

    private static InetSocketAddress sidecar(Setting setting, List<String> warnings) {
        if (setting == null) {
            return DEFAULT_SIDECAR;
        }
        String value = setting.value().trim();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon).replace("[", "").replace("]", "");
        int port = colon < 0 ? -1 : parsePort(value.substring(colon + 1));
        if (host.isEmpty() || port < 1) {
            setting.reject(warnings, "host:port", DEFAULT_SIDECAR.getHostString() + ":" + DEFAULT_SIDECAR.getPort());
            return DEFAULT_SIDECAR;
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
