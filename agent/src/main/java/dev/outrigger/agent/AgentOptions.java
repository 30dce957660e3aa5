package dev.outrigger.agent;

import dev.outrigger.bootstrap.FailMode;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The agent's settings. Each option comes from the first of: the agent arguments
 * ({@code -javaagent:outrigger-agent.jar=sidecar=127.0.0.1:15001,exclude=*.example.com;*.internal}), the system
 * property {@code outrigger.<name>}, the environment variable {@code OUTRIGGER_<NAME>}, the default. Options are
 * separated by {@code ,} in the agent arguments, so list values there use {@code ;}; elsewhere either works.
 * A bad value never stops the agent: it is reported and the default is used.
 *
 * @param include host globs to redirect, empty for all hosts
 * @param exclude host globs never to redirect
 */
record AgentOptions(InetSocketAddress sidecar, List<String> include, List<String> exclude, FailMode fail,
                    LogLevel log) {

    static final InetSocketAddress DEFAULT_SIDECAR = InetSocketAddress.createUnresolved("127.0.0.1", 15001);
    private static final Set<String> NAMES = Set.of("sidecar", "include", "exclude", "fail", "log");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");

    /**
     * @param systemProperty looks up a system property, {@code null} when unset
     * @param environment looks up an environment variable, {@code null} when unset
     * @param warn receives one line per ignored argument or bad value
     */
    static AgentOptions resolve(String agentArgs, Function<String, String> systemProperty,
                                Function<String, String> environment, Consumer<String> warn) {
        Map<String, String> args = parseAgentArgs(agentArgs, warn);
        Function<String, Setting> lookup = name -> {
            if (args.containsKey(name)) {
                return new Setting(name, args.get(name), "agent argument " + name);
            }
            String property = "outrigger." + name;
            String variable = "OUTRIGGER_" + name.toUpperCase(Locale.ROOT);
            String fromProperty = systemProperty.apply(property);
            if (fromProperty != null) {
                return new Setting(name, fromProperty, "system property " + property);
            }
            String fromEnvironment = environment.apply(variable);
            return fromEnvironment == null ? null : new Setting(name, fromEnvironment, "environment variable " + variable);
        };
        return new AgentOptions(
                sidecar(lookup.apply("sidecar"), warn),
                hostGlobs(lookup.apply("include")),
                hostGlobs(lookup.apply("exclude")),
                oneOf(lookup.apply("fail"), FailMode.class, FailMode.OPEN, warn),
                oneOf(lookup.apply("log"), LogLevel.class, LogLevel.INFO, warn));
    }

    /** An option's raw text and where it came from, for warnings. */
    private record Setting(String name, String value, String source) {
        void reject(Consumer<String> warn, String expected, Object fallback) {
            warn.accept("ignoring " + name + "=" + value + " from " + source + ": expected " + expected
                    + "; using " + fallback);
        }
    }

    private static Map<String, String> parseAgentArgs(String agentArgs, Consumer<String> warn) {
        Map<String, String> args = new HashMap<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return args;
        }
        for (String entry : agentArgs.split(",")) {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry.trim() : entry.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (equals < 0 || !NAMES.contains(name)) {
                warn.accept("ignoring agent argument '" + entry + "': expected name=value with a name among " + NAMES);
            } else {
                args.put(name, entry.substring(equals + 1).trim());
            }
        }
        return args;
    }

    private static InetSocketAddress sidecar(Setting setting, Consumer<String> warn) {
        if (setting == null) {
            return DEFAULT_SIDECAR;
        }
        String value = setting.value().trim();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon).replace("[", "").replace("]", "");
        int port = colon < 0 ? -1 : parsePort(value.substring(colon + 1));
        if (host.isEmpty() || port < 1) {
            setting.reject(warn, "host:port", DEFAULT_SIDECAR.getHostString() + ":" + DEFAULT_SIDECAR.getPort());
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
        return Stream.of(LIST_SEPARATOR.split(setting.value())).map(String::trim).filter(glob -> !glob.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }

    private static <E extends Enum<E>> E oneOf(Setting setting, Class<E> type, E fallback, Consumer<String> warn) {
        if (setting == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, setting.value().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String expected = Stream.of(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
            setting.reject(warn, expected, fallback.name().toLowerCase(Locale.ROOT));
            return fallback;
        }
    }
}
