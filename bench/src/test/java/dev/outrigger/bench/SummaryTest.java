package dev.outrigger.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SummaryTest {
    private static final String POINT = "1000 req/s x 16 conns";

    private static Results.LatencyRun run(String candidate, int round, double p50, double cpu) {
        return new Results.LatencyRun(candidate, POINT, round, 1.0, new Percentiles(p50, p50 * 2, p50 * 3, p50 * 4,
                p50 * 5), 1000, 0, 1000, Map.of("proxy", cpu));
    }

    @Test
    void addedLatencyIsTakenAgainstTheDirectRunOfTheSameRoundThenTheMedian() {
        List<Summary> summaries = Summary.of(List.of(
                run("direct", 1, 100, 10), run("nginx", 1, 150, 40),
                run("direct", 2, 300, 10), run("nginx", 2, 330, 50),
                run("direct", 3, 100, 10), run("nginx", 3, 170, 60)));
        Summary direct = summaries.get(0);
        Summary nginx = summaries.get(1);
        assertNull(direct.added());
        assertEquals(30, nginx.addedMin().p50());   // round 2: 330 - 300
        assertEquals(70, nginx.addedMax().p50());   // round 3: 170 - 100
        assertEquals(50, nginx.added().p50());      // rounds give 50, 30, 70
        assertEquals(170, nginx.absolute().p50());  // absolute median of 150, 330, 170
        assertEquals(50, nginx.cpuMicrosPerRequest().get("proxy"));
    }
}
