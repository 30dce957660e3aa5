package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.util.List;
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

    private static void installAgentsSelector() {
        ProxySelector.setDefault(new SidecarProxySelector(ProxySelector.of(null),
                new RedirectPolicy("127.0.0.1", 15001, List.of(), List.of(new HostGlob("*.example.com"))),
                SIDECAR, new FailModes(FailMode.CLOSED, List.of()), () -> true, StartupWaitTest.NO_WAIT, message -> { },
                new CallSignals(false)));
    }

    @Test
    void answersNothingWhenTheAppReplacedTheDefaultSelector() {
        ProxySelector.setDefault(ProxySelector.of(null));

        assertNull(SidecarRoutes.sidecarFor("http", "service-b", 80));
    }
}
