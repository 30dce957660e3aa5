package dev.outrigger.sidecar.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outrigger.sidecar.config.Address;
import dev.outrigger.sidecar.config.ServiceConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BalancerTest {

    private static List<Endpoint> endpoints(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Endpoint(new Address("127.0.0." + (i + 1), 8080)))
                .toList();
    }

    private static Map<Endpoint, Integer> tally(Balancer balancer, List<Endpoint> endpoints, Set<Endpoint> avoid,
                                                int picks) {
        Map<Endpoint, Integer> counts = new HashMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(balancer.pick(endpoints, avoid), 1, Integer::sum);
        }
        return counts;
    }

    private static Balancer balancer(ServiceConfig.Balancer kind) {
        return kind == ServiceConfig.Balancer.LEAST_REQUEST
                ? new LeastRequest(new SplittableRandom(42))
                : Balancer.of(kind);
    }

    @ParameterizedTest
    @EnumSource(ServiceConfig.Balancer.class)
    void spreadsEvenlyOverIdleEndpoints(ServiceConfig.Balancer kind) {
        List<Endpoint> endpoints = endpoints(4);
        Map<Endpoint, Integer> counts = tally(balancer(kind), endpoints, Set.of(), 40_000);

        assertEquals(4, counts.size());
        // Round robin is exact; P2C with idle endpoints is uniform up to sampling noise.
        counts.values().forEach(n -> assertTrue(Math.abs(n - 10_000) <= 500, () -> "uneven: " + counts));
    }

    @ParameterizedTest
    @EnumSource(ServiceConfig.Balancer.class)
    void neverPicksAnAvoidedEndpointWhileAnotherRemains(ServiceConfig.Balancer kind) {
        List<Endpoint> endpoints = endpoints(3);
        Set<Endpoint> avoid = Set.of(endpoints.get(0), endpoints.get(2));

        Map<Endpoint, Integer> counts = tally(balancer(kind), endpoints, avoid, 1_000);

        assertEquals(Map.of(endpoints.get(1), 1_000), counts);
    }

    @ParameterizedTest
    @EnumSource(ServiceConfig.Balancer.class)
    void spreadsOverTheRemainingEndpointsWhenSomeAreAvoided(ServiceConfig.Balancer kind) {
        List<Endpoint> endpoints = endpoints(3);

        Map<Endpoint, Integer> counts = tally(balancer(kind), endpoints, Set.of(endpoints.get(1)), 10_000);

        assertEquals(Set.of(endpoints.get(0), endpoints.get(2)), counts.keySet());
        counts.values().forEach(n -> assertTrue(Math.abs(n - 5_000) <= 300, () -> "uneven: " + counts));
    }

    @ParameterizedTest
    @EnumSource(ServiceConfig.Balancer.class)
    void picksAmongAllWhenEveryEndpointIsAvoided(ServiceConfig.Balancer kind) {
        List<Endpoint> endpoints = endpoints(2);

        Map<Endpoint, Integer> counts = tally(balancer(kind), endpoints, Set.copyOf(endpoints), 1_000);

        assertEquals(Set.copyOf(endpoints), counts.keySet());
    }

    @ParameterizedTest
    @EnumSource(ServiceConfig.Balancer.class)
    void aSingleEndpointIsAlwaysPicked(ServiceConfig.Balancer kind) {
        List<Endpoint> endpoints = endpoints(1);
        Balancer balancer = balancer(kind);

        assertSame(endpoints.get(0), balancer.pick(endpoints, Set.of()));
        assertSame(endpoints.get(0), balancer.pick(endpoints, Set.of(endpoints.get(0))));
    }

    @ParameterizedTest
    @EnumSource(ServiceConfig.Balancer.class)
    void rejectsAnEmptyEndpointList(ServiceConfig.Balancer kind) {
        assertThrows(IllegalArgumentException.class, () -> balancer(kind).pick(List.of(), Set.of()));
    }

    @Test
    void leastRequestPrefersTheLessLoadedOfItsTwoChoices() {
        List<Endpoint> endpoints = endpoints(2);
        Endpoint busy = endpoints.get(0);
        busy.onStart();
        busy.onStart();
        Balancer balancer = new LeastRequest(new SplittableRandom(7));

        // With two candidates, P2C always compares both, so the idle one always wins.
        for (int i = 0; i < 100; i++) {
            assertNotSame(busy, balancer.pick(endpoints, Set.of()));
        }
        busy.onEnd();
        busy.onEnd();
        assertEquals(2, tally(balancer, endpoints, Set.of(), 100).size());
    }

    @Test
    void leastRequestSendsLittleTrafficToTheBusiestOfMany() {
        List<Endpoint> endpoints = endpoints(4);
        Endpoint busy = endpoints.get(3);
        for (int i = 0; i < 10; i++) {
            busy.onStart();
        }

        Map<Endpoint, Integer> counts = tally(new LeastRequest(new SplittableRandom(1)), endpoints, Set.of(), 12_000);

        // Two distinct candidates are always compared, so the busiest loses every comparison it is in.
        assertNull(counts.get(busy));
        assertEquals(3, counts.size());
    }

    @Test
    void endpointCountsRequestsInFlight() {
        Endpoint endpoint = endpoints(1).get(0);
        endpoint.onStart();
        endpoint.onStart();
        endpoint.onEnd();
        assertEquals(1, endpoint.inFlight());
        assertEquals(new Address("127.0.0.1", 8080), endpoint.address());
    }
}
