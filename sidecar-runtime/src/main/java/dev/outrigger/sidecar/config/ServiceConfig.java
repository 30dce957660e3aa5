package dev.outrigger.sidecar.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One upstream service under {@code services:}.
 *
 * @param name           the key under {@code services:}; also the authority callers use ({@code http://name/...})
 * @param endpoints      static endpoints, at least one
 * @param tls            how to talk to the endpoints, default {@link UpstreamTls#NONE}
 * @param ca             for {@link UpstreamTls#TLS}: the CA file to trust; null means the JDK's system trust store
 * @param balancer       default {@link Balancer#ROUND_ROBIN}
 * @param timeout        the whole-call deadline, retries included (default 15s)
 * @param retry          never null: absent in the file means {@link RetryConfig#DEFAULT}
 * @param circuitBreaker never null: absent in the file means {@link CircuitBreakerConfig#DEFAULT}
 */
public record ServiceConfig(
        String name,
        List<Address> endpoints,
        UpstreamTls tls,
        Path ca,
        Balancer balancer,
        Duration timeout,
        RetryConfig retry,
        CircuitBreakerConfig circuitBreaker) {

    public enum UpstreamTls {
        /** mTLS to the peer's sidecar, which must present the service's SPIFFE ID. */
        MESH,
        /** Plain HTTP/1.1. */
        NONE,
        /** TLS to a non-mesh upstream, whose certificate must match the endpoint's host name. */
        TLS
    }

    public enum Balancer {
        /** {@code round-robin} */
        ROUND_ROBIN,
        /** {@code least-request}: the less busy of two endpoints picked at random (P2C). */
        LEAST_REQUEST
    }
}
