package dev.outrigger.sidecar.balance;

import dev.outrigger.sidecar.config.ServiceConfig;
import java.util.Collection;
import java.util.List;

/** Chooses the endpoint for one try of a request. Implementations are thread-safe and allocation-free. */
public interface Balancer {

    /**
     * @param endpoints the service's endpoints, not empty
     * @param avoid     endpoints this request already tried (usually empty or tiny); a retry lands elsewhere when
     *                  possible, and if every endpoint is to be avoided the choice is made among all of them
     * @throws IllegalArgumentException if {@code endpoints} is empty
     */
    Endpoint pick(List<Endpoint> endpoints, Collection<Endpoint> avoid);

    /** A new balancer of the configured kind; each service needs its own instance. */
    static Balancer of(ServiceConfig.Balancer kind) {
        return switch (kind) {
            case ROUND_ROBIN -> new RoundRobin();
            case LEAST_REQUEST -> new LeastRequest();
        };
    }
}
