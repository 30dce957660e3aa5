package dev.outrigger.sidecar.config;

import java.time.Duration;
import java.util.List;

/**
 * One upstream service under {@code services:}.
 *
 * @param name           the key under {@code services:}; also the authority callers use ({@code http://name/...})
 * @param endpoints      static endpoints, at least one
 * @param tls            how to talk to the endpoints, default {@link UpstreamTls#NONE}
 * @param balancer       default {@link Balancer#ROUND_ROBIN}
 * @param timeout        the whole-call deadline, retries included (default 15s)
 * @param retry          never null: absent in the file means {@link RetryConfig#DEFAULT}
 * @param circuitBreaker never null: absent in the file means {@link CircuitBreakerConfig#DEFAULT}
 */
public record ServiceConfig(
        String name,
        List<Address> endpoints,
        UpstreamTls tls,
        Balancer balancer,
        Duration timeout,
        RetryConfig retry,
        CircuitBreakerConfig circuitBreaker) {

    public enum UpstreamTls {
        /** mTLS to the peer's sidecar (not implemented yet: rejected by validation). */
        MESH,
        /** Plain HTTP/1.1. */
        NONE,
        /** TLS to a non-mesh upstream (not implemented yet: rejected by validation). */
        TLS
    }

    public enum Balancer {
        /** {@code round-robin} */
        ROUND_ROBIN,
        /** {@code least-request}: the less busy of two endpoints picked at random (P2C). */
        LEAST_REQUEST
    }
}
