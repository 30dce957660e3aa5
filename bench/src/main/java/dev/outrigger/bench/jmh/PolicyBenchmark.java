package dev.outrigger.bench.jmh;

import dev.outrigger.sidecar.balance.Endpoint;
import dev.outrigger.sidecar.cluster.Cluster;
import dev.outrigger.sidecar.config.ServiceConfig;
import dev.outrigger.sidecar.policy.RetryPolicy;
import dev.outrigger.sidecar.policy.TryOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-request policy work of a healthy service (retries, budget and breaker on but idle) and the balancer
 * picks, each on one of three endpoints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyBenchmark {
    private static final long DEADLINE_LEFT = TimeUnit.SECONDS.toNanos(2);
    private final Cluster roundRobin = Services.cluster("orders", ServiceConfig.Balancer.ROUND_ROBIN);
    private final Cluster leastRequest = Services.cluster("payments", ServiceConfig.Balancer.LEAST_REQUEST);
    private final TryOutcome ok = TryOutcome.response(200);

    @Benchmark
    public Endpoint roundRobinPick() {
        return roundRobin.pick(List.of());
    }

    @Benchmark
    public Endpoint leastRequestPick() {
        return leastRequest.pick(List.of());
    }

    /** What the exchange does for one successful request: breaker permission, budget, pick, decide, report. */
    @Benchmark
    public RetryPolicy.Decision idleChain() {
        Cluster cluster = leastRequest;
        if (!cluster.breaker().tryAcquire()) {
            throw new IllegalStateException("breaker should be closed");
        }
        cluster.budget().onRequest();
        Endpoint endpoint = cluster.pick(List.of());
        endpoint.onStart();
        RetryPolicy.Decision decision = cluster.retryPolicy().decide(1, true, true, ok, DEADLINE_LEFT);
        endpoint.onEnd();
        cluster.breaker().onSuccess(50_000);
        return decision;
    }

    @Benchmark
    public RetryPolicy.Decision retryDecideOnSuccess() {
        return roundRobin.retryPolicy().decide(1, true, true, ok, DEADLINE_LEFT);
    }

    @Benchmark
    public void breakerAcquireAndSucceed() {
        roundRobin.breaker().tryAcquire();
        roundRobin.breaker().onSuccess(50_000);
    }
}
