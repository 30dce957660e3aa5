package dev.outrigger.sidecar.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeasesTest {
    private int lastEnded;
    private final Leases leases = new Leases(() -> lastEnded++);

    @Test
    void theLastLeaseEndingIsReportedOnce() {
        leases.take();
        leases.take();
        leases.end();
        assertEquals(0, lastEnded);
        assertEquals(1, leases.held());

        leases.end();
        assertEquals(1, lastEnded);

        leases.take();
        leases.end();
        assertEquals(1, lastEnded);
        assertEquals(0, leases.held());
    }

    @Test
    void noLeaseEverTakenMeansNothingEnds() {
        assertEquals(0, leases.held());
        assertEquals(0, lastEnded);
    }
}
