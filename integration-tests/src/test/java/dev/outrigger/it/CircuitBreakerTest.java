package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.Metrics;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private static final int CALLS = 20;
    private static final int ATTEMPTS = 2;

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void whenEveryEndpointFailsTheBreakerOpensAndTheSidecarAnswersForThemWithoutCallingThem() {
        Upstream a = processes.upstream("a", "fail");
        Upstream b = processes.upstream("b", "fail");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s, %s]
                    timeout: 5s
                    retry: {attempts: %d, on: [gateway-error], budget: 50%%, min-retries-per-second: 100, backoff: {base: 5ms, max: 20ms}}
                    circuit-breaker: {failure-rate: 50%%, window: 10, minimum-calls: 5, open-for: 30s, half-open-calls: 1}
                """.formatted(a.address(), b.address(), ATTEMPTS));

        CallerRun run = processes.callerWithAgent(sidecar, "http://greeter/hello", "--count", String.valueOf(CALLS));

        assertEquals(CALLS, run.calls().size(), run.output());
        assertEquals(new CallerRun.Call("503", run.first().instance(), "-"), run.first(),
                "before the breaker opens, the upstream's own 503 comes through");
        assertEquals(new CallerRun.Call("503", "-", "circuit-open"), run.last(), run.output());
        assertTrue(a.count() + b.count() < CALLS * ATTEMPTS, "calls after the breaker opened reached no upstream");
        Eventually.assertThat(() -> {
            Metrics metrics = sidecar.metrics();
            assertEquals(1, metrics.sum("outrigger_circuit_breaker_state", "service", "greeter", "state", "open"),
                    metrics::toString);
            assertTrue(metrics.sum("outrigger_local_replies_total", "service", "greeter", "reason", "circuit-open") > 0,
                    metrics::toString);
        });
    }
}
