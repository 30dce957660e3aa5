package dev.outrigger.sidecar.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainTest {
    private long now;
    private final List<String> events = new ArrayList<>();
    private int leases;
    private int inFlight;
    /** What happens at a given fake time, checked at each pause. */
    private long leasesEndAt = Long.MAX_VALUE;
    private long requestsEndAt = Long.MAX_VALUE;

    private final Drain drain = new Drain(Duration.ofSeconds(5), () -> now, nanos -> {
        now += nanos;
        if (now >= leasesEndAt) {
            leases = 0;
        }
        if (now >= requestsEndAt) {
            inFlight = 0;
        }
    });

    private Drain.Outcome run() throws InterruptedException {
        return drain.run(() -> leases, () -> events.add("stop accepting at " + now / 1_000_000 + " ms"),
                () -> inFlight);
    }

    @Test
    void nothingHeldStopsAtOnce() throws InterruptedException {
        Drain.Outcome outcome = run();

        assertEquals(List.of("stop accepting at 0 ms"), events);
        assertEquals(new Drain.Outcome(0, 0, 0), outcome);
        assertTrue(outcome.complete());
    }

    @Test
    void keepsAcceptingWhileLeasesAreHeldThenWaitsForTheRequestsInFlight() throws InterruptedException {
        leases = 1;
        inFlight = 2;
        leasesEndAt = 1_000_000_000L;
        requestsEndAt = 1_500_000_000L;

        Drain.Outcome outcome = run();

        assertEquals(List.of("stop accepting at 1000 ms"), events);
        assertEquals(new Drain.Outcome(0, 0, 1_500_000_000L), outcome);
    }

    @Test
    void theBoundCoversLeasesAndRequestsTogether() throws InterruptedException {
        leases = 1;
        inFlight = 1;
        leasesEndAt = 4_000_000_000L;

        Drain.Outcome outcome = run();

        assertEquals(List.of("stop accepting at 4000 ms"), events);
        assertEquals(new Drain.Outcome(0, 1, 5_000_000_000L), outcome);
        assertFalse(outcome.complete());
    }

    @Test
    void leasesHeldPastTheBoundAreCutOff() throws InterruptedException {
        leases = 2;

        Drain.Outcome outcome = run();

        assertEquals(List.of("stop accepting at 5000 ms"), events);
        assertEquals(new Drain.Outcome(2, 0, 5_000_000_000L), outcome);
    }
}
