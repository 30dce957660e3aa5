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

/** An unchanged app with the agent, its sidecar, and two upstreams of which one always answers 503. */
class RetryTest {

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void everyCallSucceedsWhileOneOfTwoEndpointsFailsBecauseTheSidecarRetriesOnTheOther() {
        Upstream healthy = processes.upstream("a", "healthy");
        Upstream failing = processes.upstream("b", "fail");
        Sidecar sidecar = processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s, %s]
                    balancer: round-robin
                    timeout: 5s
                    retry: {attempts: 3, per-try-timeout: 2s, on: [connect-failure, reset, gateway-error], budget: 50%%, min-retries-per-second: 100, backoff: {base: 5ms, max: 20ms}}
                    circuit-breaker: {failure-rate: 90%%, window: 100, minimum-calls: 100, open-for: 30s, half-open-calls: 1}
                """.formatted(healthy.address(), failing.address()));

        CallerRun run = processes.callerWithAgent(sidecar, "http://greeter/hello", "--count", "20");

        assertEquals(20, run.calls().size(), run.output());
        assertEquals(20, run.succeeded(), run.output());
        assertEquals(20, healthy.count(), "each call ends with one success on the healthy endpoint");
        assertTrue(failing.count() > 0, "round robin also tried the failing endpoint");
        Eventually.assertThat(() -> {
            Metrics metrics = sidecar.metrics();
            assertTrue(metrics.sum("outrigger_retries_total", "service", "greeter") > 0, metrics::toString);
        });
    }
}
