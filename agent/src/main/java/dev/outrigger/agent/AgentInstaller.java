package dev.outrigger.agent;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.FailModes;
import dev.outrigger.bootstrap.HostGlob;
import dev.outrigger.bootstrap.Hooks;
import dev.outrigger.bootstrap.RedirectPolicy;
import dev.outrigger.bootstrap.SidecarProxySelector;
import dev.outrigger.bootstrap.StartupWait;
import java.lang.instrument.Instrumentation;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Wraps the default {@link ProxySelector} so plain-HTTP calls go to the sidecar. That one step covers
 * {@code HttpURLConnection}, every JDK {@code HttpClient} built without {@code .proxy(...)} and every library that
 * asks {@link ProxySelector#getDefault()} (OkHttp, Apache clients built with system properties). Libraries that go
 * direct by default get a {@link ClientHook} woven in by {@link LazyWeaver}, which asks the same selector. An app
 * that passes its own proxy or later sets its own default selector keeps its choice.
 */
final class AgentInstaller {

    /** When every call fails closed, the sidecar is the route whether it is up or not, so nobody probes it. */
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
                globs(options.include()), globs(options.exclude()), globs(options.httpsHosts()));
        FailModes failModes = new FailModes(options.fail(), globs(options.failClosed()));
        SidecarProbe probe = SidecarProbe.tcp(sidecar, log.debugMessages());
        BooleanSupplier reachable = failModes.anyOpen() ? probe.startedOnFirstUse() : NOT_PROBED;
        ProxySelector usual = current != null ? current : ProxySelector.of(null);
        BooleanSupplier sidecarReady = probe.probingNow();
        if (options.lease()) {
            sidecarReady = LeaseHolder.start(options.admin(), log).alsoLeased(sidecarReady);
        }
        ProxySelector.setDefault(new SidecarProxySelector(usual, policy, sidecar, failModes, reachable,
                StartupWait.of(options.waitForSidecar(), sidecarReady), log.warnings(),
                options.signals() ? new CallSignals(options.caller()) : CallSignals.OFF));

        if (options.signals()) {
            openUrlConnectionFields(instrumentation);
        }
        Hooks.warnTo(log.warnings());
        instrumentation.addTransformer(new LazyWeaver(ClientHook.wanted(options.httpsHosts(),
                options.signals()), log));

        log.info("plain http:// calls of clients that follow the default ProxySelector go to the sidecar ("
                + options.summary() + ")");
    }

    /**
     * HttpURLConnection's signals read its proxy, header list and streaming mode from its fields (see
     * {@code bootstrap/JdkClientHook}): their packages are opened to the module the agent's classes are in, which
     * is the unnamed module of the class path.
     */
    private static void openUrlConnectionFields(Instrumentation instrumentation) {
        Set<Module> agent = Set.of(SidecarProxySelector.class.getModule());
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("java.net", agent, "sun.net.www", agent, "sun.net.www.protocol.http", agent), Set.of(),
                Map.of());
    }

    private static List<HostGlob> globs(List<String> globs) {
        List<HostGlob> compiled = new ArrayList<>();
        for (String glob : globs) {
            compiled.add(new HostGlob(glob));
        }
        return compiled;
    }
}
