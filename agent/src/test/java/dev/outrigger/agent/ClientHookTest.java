package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
        Map<String, String> sendMethods = Map.of("jdk.internal.net.http.HttpClientImpl", "sendAsync",
                "org.eclipse.jetty.client.HttpDestination", "send",
                "io.vertx.core.http.impl.Http1xClientConnection", "createRequest");
        for (Map.Entry<String, String> method : sendMethods.entrySet()) {
            List<ClientHook> sending = both.stream().filter(hook -> hook.typeName().equals(method.getKey())
                    && hook.methodName().equals(method.getValue())).toList();
            assertEquals(1, sending.size(), both::toString);
            assertTrue(sending.get(0).effect().contains("https-hosts") && sending.get(0).effect().contains("timeout"),
                    sending.get(0)::effect);
        }
        assertEquals(ClientHook.ALL.size() + ClientHook.HTTPS.size() + ClientHook.SIGNALS.size() - 3, both.size());
    }
}
