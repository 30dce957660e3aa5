package dev.outrigger.it.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricsTest {

    private final Metrics metrics = Metrics.parse("""
            # HELP outrigger_requests_total Requests
            # TYPE outrigger_requests_total counter
            outrigger_requests_total{service="greeter",code="200"} 17
            outrigger_requests_total{service="greeter",code="503"} 3
            outrigger_requests_total{service="other",code="200"} 5
            outrigger_circuit_breaker_state{service="greeter",state="closed"} 0
            outrigger_circuit_breaker_state{service="greeter",state="open"} 1
            outrigger_request_duration_seconds_bucket{service="greeter",le="+Inf"} 20
            outrigger_weird{path="a \\"quoted\\" b"} 2.5e0
            process_uptime_seconds 12.5
            """);

    @Test
    void sumsTheSeriesWhoseLabelsIncludeTheGivenOnes() {
        assertEquals(20, metrics.sum("outrigger_requests_total", "service", "greeter"));
        assertEquals(25, metrics.sum("outrigger_requests_total"));
        assertEquals(3, metrics.sum("outrigger_requests_total", "service", "greeter", "code", "503"));
    }

    @Test
    void readsOneSeriesOfAGauge() {
        assertEquals(1, metrics.sum("outrigger_circuit_breaker_state", "service", "greeter", "state", "open"));
        assertEquals(0, metrics.sum("outrigger_circuit_breaker_state", "service", "greeter", "state", "closed"));
        assertEquals(20, metrics.sum("outrigger_request_duration_seconds_bucket", "le", "+Inf"));
    }

    @Test
    void readsUnlabelledAndEscapedSeries() {
        assertEquals(12.5, metrics.sum("process_uptime_seconds"));
        assertEquals(2.5, metrics.sum("outrigger_weird", "path", "a \"quoted\" b"));
    }

    @Test
    void anAbsentSeriesIsZeroAndLabelsComeInPairs() {
        assertEquals(0, metrics.sum("outrigger_retries_total", "service", "greeter"));
        assertThrows(IllegalArgumentException.class, () -> metrics.sum("outrigger_requests_total", "service"));
    }
}
