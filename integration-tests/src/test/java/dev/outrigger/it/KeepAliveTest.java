package dev.outrigger.it;

import dev.outrigger.it.support.Http;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepAliveTest {

    private static final int CALLS = 50;

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void manySequentialCallsReuseAFewUpstreamConnections() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                """.formatted(upstream.address()));

        for (int i = 0; i < CALLS; i++) {
            assertEquals(200, Http.get(sidecar.outboundUrl("/greeter/hello")).statusCode());
        }

        assertEquals(CALLS, upstream.count());
        assertTrue(upstream.connections() <= 4,
                CALLS + " calls used " + upstream.connections() + " upstream connections");
    }
}
