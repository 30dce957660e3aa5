package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownHostsTest {

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void withUnknownHostsRejectedACallToAHostNoServiceNamesGetsA502FromTheSidecar() {
        Upstream upstream = processes.upstream("a", "healthy");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                outbound: {unknown-hosts: reject}
                services:
                  greeter:
                    endpoints: [%s]
                """.formatted(upstream.address()));

        CallerRun unknown = processes.callerWithAgent(sidecar, "http://not-in-the-mesh/hello");
        CallerRun known = processes.callerWithAgent(sidecar, "http://greeter/hello");

        assertEquals(List.of(new CallerRun.Call("502", "-", "unknown-host")), unknown.calls(), unknown.output());
        assertEquals(List.of(new CallerRun.Call("200", "a", "-")), known.calls(), known.output());
        assertEquals(1, upstream.count());
    }
}
