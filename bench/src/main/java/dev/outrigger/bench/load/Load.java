package dev.outrigger.bench.load;

import java.time.Duration;

/**
 * How much load and for how long.
 *
 * @param connections keep-alive connections, each with at most one request in flight
 * @param rate        requests per second over all connections, spread evenly; 0 means closed loop (each connection
 *                    sends its next request as soon as the previous response ends: saturation)
 * @param warmup      load sent before measuring (connections opened, JIT warmed); not recorded
 * @param measure     the recorded window
 */
public record Load(int connections, int rate, Duration warmup, Duration measure) {

    public Load {
        if (connections < 1 || rate < 0) {
            throw new IllegalArgumentException("connections must be >= 1 and rate >= 0");
        }
    }

    public boolean openLoop() {
        return rate > 0;
    }

    public String label() {
        return (openLoop() ? rate + " req/s" : "saturation") + ", " + connections + " conns";
    }
}
