package dev.outrigger.bench.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduleTest {

    @Test
    void openLoopConnectionsShareTheRateEvenlyAndKeepTheirTimesWhenLate() {
        int rate = 1000;
        int connections = 4;
        long end = 10_000_000; // 10 ms: 10 requests in total
        TreeSet<Long> all = new TreeSet<>();
        for (int k = 0; k < connections; k++) {
            Schedule schedule = Schedule.open(0, k, connections, rate, end);
            // A connection that is always late (now far ahead) still gets its intended times, not "now".
            for (long due = schedule.next(Long.MAX_VALUE / 2); due >= 0; due = schedule.next(Long.MAX_VALUE / 2)) {
                all.add(due);
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long t = 0; t < end; t += 1_000_000) {
            expected.add(t);
        }
        assertEquals(expected, List.copyOf(all));
    }

    @Test
    void closedLoopSendsWhenThePreviousResponseEnds() {
        Schedule schedule = Schedule.closed(100, 1_000);
        assertEquals(100, schedule.next(50));
        assertEquals(400, schedule.next(400));
        assertEquals(-1, schedule.next(1_000));
    }
}
