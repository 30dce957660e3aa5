package dev.outrigger.sidecar.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
    private final FakeTime time = new FakeTime(Duration.ofHours(1).toNanos());

    private static int acquireAll(RetryBudget budget) {
        int granted = 0;
        while (budget.tryAcquireRetry()) {
            granted++;
        }
        return granted;
    }

    private static void requests(RetryBudget budget, int count) {
        for (int i = 0; i < count; i++) {
            budget.onRequest();
        }
    }

    @Test
    void theFloorAllowsRetriesWithoutTraffic() {
        RetryBudget budget = new RetryBudget(0.2, 3, time);

        assertEquals(30, acquireAll(budget));
    }

    @Test
    void requestsEarnTheirShareOfRetries() {
        RetryBudget budget = new RetryBudget(0.2, 0, time);
        requests(budget, 100);

        assertEquals(20, acquireAll(budget));
        requests(budget, 10);
        assertEquals(2, acquireAll(budget));
    }

    @Test
    void ratioAndFloorAdd() {
        RetryBudget budget = new RetryBudget(0.5, 1, time);
        requests(budget, 40);

        assertEquals(20 + 10, acquireAll(budget));
    }

    @Test
    void ratioIsExactForDecimalShares() {
        RetryBudget budget = new RetryBudget(0.29, 0, time);
        requests(budget, 100);

        assertEquals(29, acquireAll(budget));
    }

    @Test
    void countsOnlyTheLastTenSeconds() {
        RetryBudget budget = new RetryBudget(0.1, 0, time);
        requests(budget, 100);
        time.advance(Duration.ofSeconds(5));
        requests(budget, 50);

        assertEquals(15, acquireAll(budget));

        // The first 100 requests leave the window; the 15 retries stay until their own second passes.
        time.advance(Duration.ofSeconds(5));
        assertEquals(0, acquireAll(budget));
        requests(budget, 200);
        assertEquals(25 - 15, acquireAll(budget));

        time.advance(Duration.ofSeconds(10));
        assertEquals(0, acquireAll(budget));
    }

    @Test
    void retriesFromExpiredSecondsFreeTheFloor() {
        RetryBudget budget = new RetryBudget(0, 1, time);

        assertEquals(10, acquireAll(budget));
        time.advance(Duration.ofSeconds(9));
        assertEquals(0, acquireAll(budget));
        time.advance(Duration.ofSeconds(1));
        assertEquals(10, acquireAll(budget));
    }

    @Test
    void aLongSilenceForgetsEverything() {
        RetryBudget budget = new RetryBudget(1, 0, time);
        requests(budget, 7);
        time.advance(Duration.ofMinutes(3));

        assertEquals(0, acquireAll(budget));
        budget.onRequest();
        assertEquals(1, acquireAll(budget));
    }

    @Test
    void concurrentRetriesNeverOvershootTheBudget() throws Exception {
        RetryBudget budget = new RetryBudget(0.2, 0, time);
        requests(budget, 10_000);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                tasks.add(() -> acquireAll(budget));
            }
            int granted = 0;
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                granted += result.get();
            }
            assertEquals(2_000, granted);
        } finally {
            pool.shutdown();
        }
    }
}
