package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.RetryConfig.RetryOn;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds a service's {@code retry:} block; absent fields take {@link RetryConfig#DEFAULT}'s values. */
final class RetryBinder {

    private RetryBinder() {
    }

    /** @param serviceTimeout the service's whole-call deadline, or null when it is itself invalid */
    static RetryConfig bind(Fields fields, Duration serviceTimeout) {
        RetryConfig d = RetryConfig.DEFAULT;
        int attempts = fields.get("attempts", Readers.integer(1, 10), d.attempts());
        Duration perTryTimeout = fields.get("per-try-timeout", Readers.duration(), d.perTryTimeout());
        if (perTryTimeout != null && serviceTimeout != null && perTryTimeout.compareTo(serviceTimeout) > 0) {
            fields.error("per-try-timeout", "must be at most the service timeout (" + Units.formatDuration(serviceTimeout)
                    + "), got " + Units.formatDuration(perTryTimeout));
        }
        Set<RetryOn> on = fields.get("on", setOf(Readers.oneOf(RetryOn.class)), d.on());
        Set<Integer> statuses = fields.get("statuses", setOf(Readers.integer(100, 599)), d.statuses());
        double budget = fields.get("budget", Readers.fraction(0, 1), d.budget());
        int minRetriesPerSecond = fields.get("min-retries-per-second", Readers.integer(0, Integer.MAX_VALUE),
                d.minRetriesPerSecond());
        Backoff backoff = fields.get("backoff", Readers.section(RetryBinder::backoff),
                new Backoff(d.backoffBase(), d.backoffMax()));
        boolean nonIdempotent = fields.get("non-idempotent", Readers.bool(), d.nonIdempotent());
        return new RetryConfig(attempts, perTryTimeout, on, statuses, budget, minRetriesPerSecond,
                backoff.base(), backoff.max(), nonIdempotent);
    }

    private record Backoff(Duration base, Duration max) {
    }

    /** An absent base is capped by an explicit max, so {@code max: 10ms} alone is valid. */
    private static Backoff backoff(Fields fields) {
        Duration max = fields.get("max", Readers.duration(), RetryConfig.DEFAULT.backoffMax());
        Duration defaultBase = min(RetryConfig.DEFAULT.backoffBase(), max);
        Duration base = fields.get("base", Readers.duration(), defaultBase);
        if (fields.valid("base", "max") && base.compareTo(max) > 0) {
            fields.error("base", "must be at most max (" + Units.formatDuration(max) + "), got "
                    + Units.formatDuration(base));
        }
        return new Backoff(base, max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static <T> ValueReader<Set<T>> setOf(ValueReader<T> itemReader) {
        return Readers.listOf(itemReader).map(RetryBinder::toSet);
    }

    private static <T> Set<T> toSet(List<T> items) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }
}
