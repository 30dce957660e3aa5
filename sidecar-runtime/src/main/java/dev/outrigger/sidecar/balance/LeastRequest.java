package dev.outrigger.sidecar.balance;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Power of two random choices: of two distinct random candidates, the one with fewer requests in flight. */
public final class LeastRequest implements Balancer {
    private final Supplier<RandomGenerator> random;

    /** Uses the calling thread's {@link ThreadLocalRandom}. */
    public LeastRequest() {
        this.random = ThreadLocalRandom::current;
    }

    /** @param random used by every calling thread, so it must tolerate concurrent use (tests pass a seeded one) */
    public LeastRequest(RandomGenerator random) {
        this.random = () -> random;
    }

    @Override
    public Endpoint pick(List<Endpoint> endpoints, Collection<Endpoint> avoid) {
        int count = Candidates.count(endpoints, avoid);
        if (count == 1) {
            return Candidates.nth(endpoints, avoid, count, 0);
        }
        RandomGenerator generator = random.get();
        int first = generator.nextInt(count);
        int second = generator.nextInt(count - 1);
        if (second >= first) {
            second++;
        }
        Endpoint a = Candidates.nth(endpoints, avoid, count, first);
        Endpoint b = Candidates.nth(endpoints, avoid, count, second);
        return b.inFlight() < a.inFlight() ? b : a;
    }
}
