package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A POST may have changed something upstream even when it failed, so the sidecar retries it only when told to. */
class NonIdempotentRetryTest {

    private static final int CALLS = 5;
    private static final int ATTEMPTS = 3;

    @RegisterExtension
    final Processes processes = new Processes();

    @Test
    void aPostToAFailingUpstreamIsSentOnceWhileAGetToItIsRetried() {
        Upstream failing = processes.upstream("a", "fail");
        Sidecar sidecar = sidecarRetrying(failing, false);

        CallerRun posts = processes.callerWithAgent(sidecar, "http://greeter/orders",
                "--method", "POST", "--body-bytes", "1024", "--count", String.valueOf(CALLS));
        long postsReceived = failing.count();
        processes.callerWithAgent(sidecar, "http://greeter/orders", "--count", String.valueOf(CALLS));

        assertEquals(CALLS, posts.calls().size(), posts.output());
        assertTrue(posts.calls().stream().allMatch(call -> call.status().equals("503")), posts.output());
        assertEquals(CALLS, postsReceived, "one try per POST");
        assertEquals(CALLS * ATTEMPTS, failing.count() - postsReceived, "every try of every GET");
    }

    @Test
    void aPostIsRetriedWhenTheServiceAllowsRetryingNonIdempotentRequests() {
        Upstream failing = processes.upstream("a", "fail");
        Sidecar sidecar = sidecarRetrying(failing, true);

        CallerRun posts = processes.callerWithAgent(sidecar, "http://greeter/orders",
                "--method", "POST", "--body-bytes", "1024", "--count", String.valueOf(CALLS));

        assertEquals(CALLS, posts.calls().size(), posts.output());
        assertEquals(CALLS * ATTEMPTS, failing.count());
    }

    /** The breaker cannot open within the test: it must not hide whether a try was made. */
    private Sidecar sidecarRetrying(Upstream upstream, boolean nonIdempotent) {
        return processes.sidecar(SidecarPorts.pick(), """
                services:
                  greeter:
                    endpoints: [%s]
                    timeout: 5s
                    retry: {attempts: %d, on: [connect-failure, reset, gateway-error], budget: 100%%, min-retries-per-second: 100, backoff: {base: 5ms, max: 20ms}, non-idempotent: %s}
                    circuit-breaker: {failure-rate: 100%%, window: 1000, minimum-calls: 1000, open-for: 30s, half-open-calls: 1}
                """.formatted(upstream.address(), ATTEMPTS, nonIdempotent));
    }
}
