package dev.outrigger.sidecar.balance;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Takes the candidates in turn, driven by one shared lock-free counter. */
public final class RoundRobin implements Balancer {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Endpoint pick(List<Endpoint> endpoints, Collection<Endpoint> avoid) {
        int count = Candidates.count(endpoints, avoid);
        int turn = Math.floorMod(next.getAndIncrement(), count);
        return Candidates.nth(endpoints, avoid, count, turn);
    }
}
