package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHookTest {

    @Test
    void httpsHooksAreWovenOnlyWhenTheAppOptedHostsIn() {
        assertEquals(ClientHook.ALL, ClientHook.wanted(List.of()));
        List<ClientHook> optedIn = ClientHook.wanted(List.of("api.example.com"));
        assertTrue(optedIn.containsAll(ClientHook.ALL) && optedIn.containsAll(ClientHook.HTTPS), optedIn::toString);
        assertEquals(ClientHook.ALL.size() + ClientHook.HTTPS.size(), optedIn.size());
    }
}
