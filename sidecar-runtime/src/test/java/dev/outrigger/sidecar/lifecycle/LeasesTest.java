package dev.outrigger.sidecar.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void noLeaseByTheFirstLeaseDeadlineMeansTheAppIsGoneAndNoLaterEndIsReported() {
        assertTrue(leases.firstLeaseDue());

        leases.take();
        leases.end();
        assertEquals(0, lastEnded, "the sidecar is already stopping for want of a first lease");
    }

    @Test
    void aLeaseTakenBeforeTheFirstLeaseDeadlineKeepsTheSidecar() {
        leases.take();
        assertFalse(leases.firstLeaseDue());

        leases.end();
        assertEquals(1, lastEnded);
    }

    @Test
    void aLeaseAlreadyEndedBeforeTheFirstLeaseDeadlineWasReportedThen() {
        leases.take();
        leases.end();

        assertFalse(leases.firstLeaseDue());
        assertEquals(1, lastEnded);
    }
}
