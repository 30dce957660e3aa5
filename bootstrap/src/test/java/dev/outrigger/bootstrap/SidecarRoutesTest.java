package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SidecarRoutesTest {
    private static final InetSocketAddress SIDECAR = new InetSocketAddress("127.0.0.1", 15001);

    private final ProxySelector original = ProxySelector.getDefault();

    @AfterEach
    void restoreTheDefaultSelector() {
        ProxySelector.setDefault(original);
    }

    @Test
    void answersFromTheAgentsSelectorWhileItIsTheDefault() {
        installAgentsSelector();

        assertEquals(SIDECAR, SidecarRoutes.sidecarFor("http", "service-b", -1));
        assertEquals(SIDECAR, SidecarRoutes.sidecarFor("http", "::1:2", 8080), "an IPv6 literal without brackets");
        assertNull(SidecarRoutes.sidecarFor("http", "api.example.com", 80), "excluded");
        assertNull(SidecarRoutes.sidecarFor("https", "service-b", 443));
        assertNull(SidecarRoutes.sidecarFor("http", "127.0.0.1", 15001), "the sidecar itself");
        assertNull(SidecarRoutes.sidecarFor(null, "service-b", 80));
    }

    @Test
    void readsOnlySchemeAndAuthorityOfAUrl() {
        installAgentsSelector();

        assertEquals(SIDECAR, SidecarRoutes.sidecarForUrl("http://service-b:8080/a b|c?q=%zz"));
        assertEquals(SIDECAR, SidecarRoutes.sidecarForUrl("http://service-b"));
        assertNull(SidecarRoutes.sidecarForUrl("https://service-b/x"));
        assertNull(SidecarRoutes.sidecarForUrl("ws://service-b/x"));
        assertNull(SidecarRoutes.sidecarForUrl("service-b/x"));
        assertNull(SidecarRoutes.sidecarForUrl(null));
    }

    @Test
    void readsAnHttpsUrlForAnOptedInHostOnly() {
        installAgentsSelector(() -> true);

        assertEquals(SIDECAR, SidecarRoutes.plaintextSidecarForHttpsUrl("https://secure-api/orders?id=1"));
        assertEquals(SIDECAR, SidecarRoutes.plaintextSidecarForHttpsUrl("https://secure-api:8443"));
        assertNull(SidecarRoutes.plaintextSidecarForHttpsUrl("https://service-b/x"), "not in https-hosts");
        assertNull(SidecarRoutes.plaintextSidecarForHttpsUrl("http://secure-api/x"), "plain http is asked elsewhere");
        assertNull(SidecarRoutes.plaintextSidecarForHttpsUrl(null));
    }

    @Test
    void anAttemptHandedOverStaysWithTheSidecarWhateverItsStateSince() {
        AtomicBoolean reachable = new AtomicBoolean(true);
        installAgentsSelector(reachable::get);
        Object call = new Object();
        Object attempt = new Object();

        SidecarRoutes.handOver(call, attempt, SidecarRoutes.plaintextSidecarForHttpsUrl("https://secure-api/x"));
        reachable.set(false);

        assertNull(SidecarRoutes.plaintextSidecarForHttpsUrl("https://secure-api/x"), "a new call goes direct");
        assertEquals(SIDECAR, SidecarRoutes.handedOver(call, attempt));
        assertNull(SidecarRoutes.handedOver(call, new Object()), "the call's next attempt is decided afresh");
        assertNull(SidecarRoutes.handedOver(new Object(), attempt));
    }

    private static void installAgentsSelector() {
        installAgentsSelector(() -> true);
    }

    /** Fails open, so the answer for an opted-in https host follows {@code reachable}. */
    private static void installAgentsSelector(BooleanSupplier reachable) {
        ProxySelector.setDefault(new SidecarProxySelector(ProxySelector.of(null),
                new RedirectPolicy("127.0.0.1", 15001, List.of(), List.of(new HostGlob("*.example.com")),
                        List.of(new HostGlob("secure-api"))),
                SIDECAR, new FailModes(FailMode.OPEN, List.of()), reachable, StartupWaitTest.NO_WAIT, message -> { },
                new CallSignals(false)));
    }

    @Test
    void answersNothingWhenTheAppReplacedTheDefaultSelector() {
        ProxySelector.setDefault(ProxySelector.of(null));

        assertNull(SidecarRoutes.sidecarFor("http", "service-b", 80));
    }
}
