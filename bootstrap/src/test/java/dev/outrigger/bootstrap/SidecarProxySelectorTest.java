package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SidecarProxySelectorTest {
    private static final InetSocketAddress SIDECAR = new InetSocketAddress("127.0.0.1", 15001);
    private static final Proxy SIDECAR_PROXY = new Proxy(Proxy.Type.HTTP, SIDECAR);
    private static final Proxy APP_PROXY = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("corp-proxy", 3128));
    private static final URI MESH_CALL = URI.create("http://service-b/hello?x=1");

    private final RecordingDelegate delegate = new RecordingDelegate();
    private final List<String> warnings = new ArrayList<>();

    private static final RedirectPolicy POLICY = new RedirectPolicy("127.0.0.1", 15001, List.of(), List.of());

    private SidecarProxySelector selector(FailMode mode, BooleanSupplier reachable) {
        return selector(new FailModes(mode, List.of()), reachable, StartupWaitTest.NO_WAIT);
    }

    private SidecarProxySelector selector(FailModes modes, BooleanSupplier reachable, StartupWait wait) {
        return new SidecarProxySelector(delegate, POLICY, SIDECAR, modes, reachable, wait, warnings::add,
                new CallSignals(true));
    }

    @Test
    void failOpenWithSidecarUpTriesSidecarThenTheUsualRoute() {
        assertEquals(List.of(SIDECAR_PROXY, APP_PROXY), selector(FailMode.OPEN, () -> true).select(MESH_CALL));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void failOpenWithSidecarDownGoesTheUsualRouteAndWarnsOnce() {
        SidecarProxySelector selector = selector(FailMode.OPEN, () -> false);

        assertEquals(List.of(APP_PROXY), selector.select(MESH_CALL));
        assertEquals(List.of(APP_PROXY), selector.select(MESH_CALL));

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("not reachable"), warnings.get(0));
    }

    @Test
    void clientsTakingOneProxyGetTheSidecarOnlyForRedirectedCalls() {
        SidecarProxySelector up = selector(FailMode.OPEN, () -> true);

        assertEquals(SIDECAR, up.sidecarFor(MESH_CALL));
        assertEquals(null, up.sidecarFor(URI.create("https://service-b/x")));
        assertEquals(null, selector(FailMode.OPEN, () -> false).sidecarFor(MESH_CALL));
        assertEquals(SIDECAR, selector(FailMode.CLOSED, () -> false).sidecarFor(MESH_CALL));
    }

    @Test
    void optedInHttpsGoesToTheSidecarOnlyForPlaintextCapableClients() {
        URI optedIn = URI.create("https://api.example.com/x");
        RedirectPolicy policy = new RedirectPolicy("127.0.0.1", 15001, List.of(), List.of(),
                List.of(new HostGlob("*.example.com")));
        FailModes open = new FailModes(FailMode.OPEN, List.of());
        SidecarProxySelector up = new SidecarProxySelector(delegate, policy, SIDECAR, open, () -> true,
                StartupWaitTest.NO_WAIT, warnings::add, new CallSignals(false));
        SidecarProxySelector down = new SidecarProxySelector(delegate, policy, SIDECAR, open, () -> false,
                StartupWaitTest.NO_WAIT, warnings::add, new CallSignals(false));

        assertEquals(SIDECAR, up.plaintextSidecarForHttps(optedIn));
        assertEquals(null, up.plaintextSidecarForHttps(URI.create("https://example.org/x")));
        assertEquals(null, down.plaintextSidecarForHttps(optedIn), "fail-open: the app's own TLS, direct");
        assertEquals(List.of(APP_PROXY), up.select(optedIn), "a tunnelling client would CONNECT to the sidecar");
        assertEquals(null, up.sidecarFor(optedIn));
    }

    @Test
    void failClosedAlwaysSendsToTheSidecarOnly() {
        assertEquals(List.of(SIDECAR_PROXY), selector(FailMode.CLOSED, () -> false).select(MESH_CALL));
        assertEquals(List.of(), delegate.selected);
    }

    @Test
    void hostsListedAsFailClosedNeverGoDirectWhileOthersFailOpen() {
        FailModes modes = new FailModes(FailMode.OPEN, List.of(new HostGlob("payments"), new HostGlob("*.secure")));
        SidecarProxySelector selector = selector(modes, () -> false, StartupWaitTest.NO_WAIT);

        assertEquals(List.of(SIDECAR_PROXY), selector.select(URI.create("http://PAYMENTS/charge")));
        assertEquals(List.of(SIDECAR_PROXY), selector.select(URI.create("http://ledger.secure./x")));
        assertEquals(List.of(APP_PROXY), selector.select(MESH_CALL));
        assertEquals(SIDECAR, selector.sidecarFor(URI.create("http://payments/charge")));
    }

    @Test
    void theFirstRedirectedCallWaitsForTheSidecarBeforeTheRouteIsChosen() {
        boolean[] up = {false};
        int[] checks = {0};
        StartupWait wait = new StartupWait(java.time.Duration.ofSeconds(5), () -> {
            checks[0]++;
            return up[0];
        }, () -> 0, nanos -> up[0] = true);
        SidecarProxySelector selector = selector(FailMode.OPEN, () -> up[0]);
        SidecarProxySelector waiting = selector(new FailModes(FailMode.OPEN, List.of()), () -> up[0], wait);

        assertEquals(List.of(APP_PROXY), waiting.select(URI.create("https://service-b/x")));
        assertEquals(0, checks[0], "a call the agent leaves alone does not wait");
        assertEquals(List.of(SIDECAR_PROXY, APP_PROXY), waiting.select(MESH_CALL));
        assertEquals(2, checks[0]);
        waiting.select(MESH_CALL);
        assertEquals(2, checks[0], "only the first redirected call waits");
        assertEquals(List.of(SIDECAR_PROXY, APP_PROXY), selector.select(MESH_CALL));
    }

    @Test
    void callsTheAgentDoesNotRedirectGetTheDelegatesAnswer() {
        SidecarProxySelector selector = selector(FailMode.CLOSED, () -> true);
        URI https = URI.create("https://service-b/x");
        URI loopback = URI.create("http://127.0.0.1:8080/x");

        assertEquals(List.of(APP_PROXY), selector.select(https));
        assertEquals(List.of(APP_PROXY), selector.select(loopback));
        assertEquals(List.of(https, loopback), delegate.selected);
    }

    @Test
    void aFaultInTheDecisionFallsBackToTheDelegateAndWarnsOnce() {
        SidecarProxySelector selector = selector(FailMode.OPEN, () -> {
            throw new IllegalStateException("boom");
        });

        assertEquals(List.of(APP_PROXY), selector.select(MESH_CALL));
        assertEquals(List.of(APP_PROXY), selector.select(MESH_CALL));

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("boom"), warnings.get(0));
    }

    @Test
    void aFailingWarningSinkStillFallsBackToTheDelegate() {
        SidecarProxySelector selector = new SidecarProxySelector(delegate, POLICY, SIDECAR,
                new FailModes(FailMode.OPEN, List.of()), () -> false, StartupWaitTest.NO_WAIT, message -> {
                    throw new IllegalStateException("stderr closed");
                }, new CallSignals(false));

        assertEquals(List.of(APP_PROXY), selector.select(MESH_CALL));
    }

    @Test
    void aRouteThroughTheSidecarGetsTheCallsSignalsAndOneThroughAnotherProxyNone() {
        SidecarProxySelector selector = selector(FailMode.OPEN, () -> true);

        Map<String, String> viaSidecar = selector.signalsViaProxy("127.0.0.1", 15001, 800, true);
        assertEquals("800", viaSidecar.get(CallSignals.TIMEOUT));
        assertEquals("1", viaSidecar.get(CallSignals.REPLAYABLE));
        assertEquals(Map.of(), selector.signalsViaProxy("corp-proxy", 15001, 800, true));
        assertEquals(Map.of(), selector.signalsViaProxy("127.0.0.1", 3128, 800, true));
    }

    @Test
    void signalsGoOnlyViaTheSidecarAndOnlyWhenOn() {
        assertTrue(selector(FailMode.OPEN, () -> true).signalsGoVia("127.0.0.1", 15001));
        assertFalse(selector(FailMode.OPEN, () -> true).signalsGoVia("corp-proxy", 15001));
        SidecarProxySelector off = new SidecarProxySelector(delegate, POLICY, SIDECAR, new FailModes(FailMode.OPEN, List.of()),
                () -> true, StartupWaitTest.NO_WAIT, warnings::add, CallSignals.OFF);
        assertFalse(off.signalsGoVia("127.0.0.1", 15001));
    }

    @Test
    void sidecarConnectFailuresAreNotReportedToTheDelegate() {
        SidecarProxySelector selector = selector(FailMode.OPEN, () -> true);
        InetSocketAddress other = InetSocketAddress.createUnresolved("corp-proxy", 3128);

        selector.connectFailed(MESH_CALL, SIDECAR, new IOException("refused"));
        selector.connectFailed(MESH_CALL, other, new IOException("refused"));

        assertEquals(List.of(other), delegate.failedAddresses);
    }

    /** Answers like an app's own selector and records what it was asked. */
    private static final class RecordingDelegate extends ProxySelector {
        final List<URI> selected = new ArrayList<>();
        final List<SocketAddress> failedAddresses = new ArrayList<>();

        @Override
        public List<Proxy> select(URI uri) {
            selected.add(uri);
            return List.of(APP_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            failedAddresses.add(address);
        }
    }
}
