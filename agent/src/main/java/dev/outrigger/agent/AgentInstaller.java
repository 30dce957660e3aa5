package dev.outrigger.agent;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.FailMode;
import dev.outrigger.bootstrap.HostGlob;
import dev.outrigger.bootstrap.RedirectPolicy;
import dev.outrigger.bootstrap.SidecarProxySelector;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Wraps the default {@link ProxySelector} so plain-HTTP calls go to the sidecar. That one step covers
 * {@code HttpURLConnection}, every JDK {@code HttpClient} built without {@code .proxy(...)} and every library that
 * asks {@link ProxySelector#getDefault()} (OkHttp, Apache clients built with system properties). Libraries that go
 * direct by default get a {@link ClientHook} woven in by {@link LazyWeaver}, which asks the same selector. An app
 * that passes its own proxy or later sets its own default selector keeps its choice.
 */
final class AgentInstaller {

    /** In fail-closed mode the sidecar is the route whether it is up or not, so nobody probes it. */
    private static final BooleanSupplier NOT_PROBED = new BooleanSupplier() {
        @Override
        public boolean getAsBoolean() {
            return true;
        }
    };

    private AgentInstaller() {
    }

    static void install(String agentArgs, Instrumentation instrumentation) {
        List<String> warnings = new ArrayList<>();
        AgentOptions options = AgentOptions.resolve(agentArgs, System.getProperties(), System.getenv(), warnings);
        AgentLog log = new AgentLog(options.log(), System.err);
        for (String warning : warnings) {
            log.warn(warning);
        }

        ProxySelector current = ProxySelector.getDefault();
        if (current instanceof SidecarProxySelector) {
            log.info("already installed: " + current);
            return;
        }
        InetSocketAddress configured = options.sidecar();
        InetSocketAddress sidecar = new InetSocketAddress(configured.getHostString(), configured.getPort());
        RedirectPolicy policy = new RedirectPolicy(configured.getHostString(), configured.getPort(),
                globs(options.include()), globs(options.exclude()));
        boolean failOpen = options.fail() == FailMode.OPEN;
        BooleanSupplier reachable = failOpen ? SidecarProbe.start(sidecar, log.debugMessages()) : NOT_PROBED;
        ProxySelector usual = current != null ? current : ProxySelector.of(null);
        ProxySelector.setDefault(new SidecarProxySelector(usual, policy, sidecar, options.fail(), reachable,
                log.warnings(), new CallSignals(options.caller() == AgentOptions.Switch.ON)));

        List<ClientHook> hooks = new ArrayList<>(ClientHook.ALL);
        if (options.signals() == AgentOptions.Switch.ON) {
            hooks.addAll(ClientHook.SIGNALS);
        }
        instrumentation.addTransformer(new LazyWeaver(hooks, log));
        WeaverWarmUp.start(hooks, ClassLoader.getSystemClassLoader());

        log.info("plain http:// calls of clients that follow the default ProxySelector go to the sidecar ("
                + options.summary() + (failOpen ? ", reachable now: " + reachable.getAsBoolean() : "") + ")");
    }

    private static List<HostGlob> globs(List<String> globs) {
        List<HostGlob> compiled = new ArrayList<>();
        for (String glob : globs) {
            compiled.add(new HostGlob(glob));
        }
        return compiled;
    }
}
