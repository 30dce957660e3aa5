package dev.outrigger.agent;

import dev.outrigger.bootstrap.FailMode;
import dev.outrigger.bootstrap.HostGlob;
import dev.outrigger.bootstrap.RedirectPolicy;
import dev.outrigger.bootstrap.SidecarProxySelector;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Wraps the default {@link ProxySelector} so plain-HTTP calls go to the sidecar. That one step covers
 * {@code HttpURLConnection} and every JDK {@code HttpClient} built without {@code .proxy(...)}: both ask
 * {@link ProxySelector#getDefault()} (the client when it is built, the connection when it connects). An app that
 * passes its own proxy or later sets its own default selector keeps its choice.
 */
final class AgentInstaller {

    private AgentInstaller() {
    }

    static void install(String agentArgs) {
        List<String> warnings = new ArrayList<>();
        AgentOptions options = AgentOptions.resolve(agentArgs, System::getProperty, System::getenv, warnings::add);
        AgentLog log = new AgentLog(options.log(), System.err);
        warnings.forEach(log::warn);

        ProxySelector current = ProxySelector.getDefault();
        if (current instanceof SidecarProxySelector) {
            log.info("already installed: " + current);
            return;
        }
        InetSocketAddress sidecar = new InetSocketAddress(options.sidecar().getHostString(), options.sidecar().getPort());
        RedirectPolicy policy = new RedirectPolicy(options.sidecar().getHostString(), sidecar.getPort(),
                globs(options.include()), globs(options.exclude()));
        BooleanSupplier reachable = options.fail() == FailMode.OPEN ? SidecarProbe.start(sidecar, log::debug) : () -> true;
        ProxySelector usual = current != null ? current : ProxySelector.of(null);
        ProxySelector.setDefault(new SidecarProxySelector(usual, policy, sidecar, options.fail(), reachable, log::warn));

        log.info("plain http:// calls of the JDK HttpClient and HttpURLConnection go to sidecar "
                + options.sidecar().getHostString() + ":" + sidecar.getPort()
                + " (fail=" + options.fail().name().toLowerCase(Locale.ROOT) + describe(", include=", options.include())
                + describe(", exclude=", options.exclude())
                + (options.fail() == FailMode.OPEN ? ", reachable now: " + reachable.getAsBoolean() : "") + ")");
    }

    private static List<HostGlob> globs(List<String> globs) {
        return globs.stream().map(HostGlob::new).collect(Collectors.toList());
    }

    private static String describe(String label, List<String> globs) {
        return globs.isEmpty() ? "" : label + String.join(";", globs);
    }
}
