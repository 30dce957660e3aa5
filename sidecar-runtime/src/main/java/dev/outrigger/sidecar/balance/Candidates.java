package dev.outrigger.sidecar.balance;

import java.util.Collection;
import java.util.List;

/**
 * The endpoints a balancer may choose from: those not to be avoided, or all of them when every one is to be
 * avoided. Addressed by index so that picking allocates nothing.
 */
final class Candidates {
    private Candidates() {
    }

    /** How many endpoints may be chosen. */
    static int count(List<Endpoint> endpoints, Collection<Endpoint> avoid) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoints to pick from");
        }
        if (avoid.isEmpty()) {
            return endpoints.size();
        }
        int count = 0;
        for (int i = 0; i < endpoints.size(); i++) {
            if (!avoid.contains(endpoints.get(i))) {
                count++;
            }
        }
        return count == 0 ? endpoints.size() : count;
    }

    /** The {@code n}-th (0-based) of the {@code count} candidates, {@code count} as returned by {@link #count}. */
    static Endpoint nth(List<Endpoint> endpoints, Collection<Endpoint> avoid, int count, int n) {
        if (count == endpoints.size()) {
            return endpoints.get(n);
        }
        int seen = 0;
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            if (!avoid.contains(endpoint) && seen++ == n) {
                return endpoint;
            }
        }
        throw new IllegalStateException("candidate " + n + " of " + count + " does not exist");
    }
}
