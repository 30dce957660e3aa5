package dev.outrigger.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupWaitTest {
    static final StartupWait NO_WAIT = new StartupWait(Duration.ZERO, () -> {
        throw new AssertionError("a zero wait checks nothing");
    }, () -> 0, nanos -> {
        throw new AssertionError("a zero wait never pauses");
    });

    private long now = 1_000;
    private int readyAfterChecks = Integer.MAX_VALUE;
    private int checks;
    private final List<Long> pauses = new ArrayList<>();

    private StartupWait waitFor(Duration bound) {
        return new StartupWait(bound, () -> ++checks > readyAfterChecks, () -> now, nanos -> {
            pauses.add(nanos);
            now += nanos;
        });
    }

    @Test
    void waitsUntilTheSidecarIsReady() {
        readyAfterChecks = 3;

        waitFor(Duration.ofSeconds(5)).awaitOnce();

        assertEquals(4, checks);
        assertEquals(List.of(StartupWait.POLL_NANOS, StartupWait.POLL_NANOS, StartupWait.POLL_NANOS), pauses);
    }

    @Test
    void givesUpAtTheBoundAndNeverWaitsAgain() {
        StartupWait wait = waitFor(Duration.ofMillis(120));
        long start = now;

        wait.awaitOnce();
        assertEquals(120_000_000L, now - start);
        assertEquals(List.of(StartupWait.POLL_NANOS, StartupWait.POLL_NANOS, 20_000_000L), pauses);

        int checksSoFar = checks;
        wait.awaitOnce();
        assertEquals(checksSoFar, checks);
    }

    @Test
    void aReadySidecarCostsOneCheck() {
        readyAfterChecks = 0;
        StartupWait wait = waitFor(Duration.ofSeconds(5));

        wait.awaitOnce();
        wait.awaitOnce();

        assertEquals(1, checks);
        assertEquals(List.of(), pauses);
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() {
        StartupWait wait = new StartupWait(Duration.ofSeconds(5), () -> false, () -> now, nanos -> {
            throw new InterruptedException();
        });

        wait.awaitOnce();

        assertTrue(Thread.interrupted());
    }

    @Test
    void aFailingCheckEndsTheWaitForEveryone() {
        StartupWait wait = new StartupWait(Duration.ofSeconds(5), () -> {
            checks++;
            throw new IllegalStateException("boom");
        }, () -> now, pauses::add);

        try {
            wait.awaitOnce();
        } catch (IllegalStateException expected) {
            // the selector catches it and routes the call as without the agent
        }
        wait.awaitOnce();

        assertEquals(1, checks);
    }

    @Test
    void realClockWaitReturnsOnceTheSidecarIsReady() {
        StartupWait.of(Duration.ofSeconds(30), () -> ++checks > 1).awaitOnce();

        assertEquals(2, checks);
    }
}
