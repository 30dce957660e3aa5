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
        List<ClientHook> shared = both.stream().filter(hook -> hook.effect().contains("https")
                && hook.effect().contains("timeout")).toList();
        assertEquals(List.of("io.vertx.core.http.impl.Http1xClientConnection.createRequest",
                        "jdk.internal.net.http.HttpClientImpl.sendAsync",
                        "org.eclipse.jetty.client.HttpDestination.send",
                        "reactor.netty.http.HttpOperations.markSentHeaderAndBody",
                        "reactor.netty.http.HttpOperations.markSentHeaders"),
                shared.stream().map(hook -> hook.typeName() + "." + hook.methodName()).sorted().toList());
        assertEquals(ClientHook.ALL.size() + ClientHook.HTTPS.size() + ClientHook.SIGNALS.size() - shared.size(),
                both.size(), both::toString);
    }
}
