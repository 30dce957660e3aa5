package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHookTest {

    @Test
    void httpsHooksAreWovenOnlyWhenTheAppOptedHostsIn() {
        assertEquals(ClientHook.ALL, ClientHook.wanted(List.of(), false));
        List<ClientHook> optedIn = ClientHook.wanted(List.of("api.example.com"), false);
        assertTrue(optedIn.containsAll(ClientHook.ALL) && optedIn.containsAll(ClientHook.HTTPS), optedIn::toString);
        assertEquals(ClientHook.ALL.size() + ClientHook.HTTPS.size(), optedIn.size());
    }

    @Test
    void signalHooksAreWovenOnlyWhenAskedFor() {
        List<ClientHook> withSignals = ClientHook.wanted(List.of(), true);
        assertTrue(withSignals.containsAll(ClientHook.SIGNALS), withSignals::toString);
        assertEquals(ClientHook.ALL.size() + ClientHook.SIGNALS.size(), withSignals.size());
    }

    @Test
    void aMethodHookedForBothHttpsHostsAndSignalsIsWovenOnceDoingBoth() {
        List<ClientHook> both = ClientHook.wanted(List.of("api.example.com"), true);
        for (String type : List.of("jdk.internal.net.http.HttpClientImpl",
                "io.vertx.core.http.impl.Http1xClientConnection")) {
            List<ClientHook> hooks = both.stream().filter(hook -> hook.typeName().equals(type)).toList();
            assertEquals(1, hooks.size(), both::toString);
            assertTrue(hooks.get(0).effect().contains("https-hosts") && hooks.get(0).effect().contains("timeout"),
                    hooks.get(0)::effect);
        }
        assertEquals(ClientHook.ALL.size() + ClientHook.HTTPS.size() + ClientHook.SIGNALS.size() - 2, both.size());
    }
}
