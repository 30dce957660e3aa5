package dev.outrigger.sidecar.policy;

import dev.outrigger.sidecar.config.RetryConfig;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * Caps retries at a share of recent traffic, as Linkerd and Finagle do: over the last 10 seconds, retries may
 * number at most {@code ratio × original requests + minRetriesPerSecond × 10}. Counts live in a ring of
 * per-second buckets; a bucket is replaced (one small allocation per second at most) when its second has passed.
 * Thread-safe and lock-free.
 */
public final class RetryBudget {
    private static final int WINDOW_SECONDS = 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long PARTS_PER_MILLION = 1_000_000L;
    private static final Bucket NEVER_USED = new Bucket(Long.MIN_VALUE);

    private final long ratioPpm;
    private final long floor;
    private final LongSupplier nanoTime;
    private final AtomicReferenceArray<Bucket> ring = new AtomicReferenceArray<>(WINDOW_SECONDS);

    /**
     * @param ratio               retries allowed per original request, e.g. 0.2
     * @param minRetriesPerSecond retries allowed regardless of traffic, per second of the window
     * @param nanoTime            a {@link System#nanoTime()}-like clock
     */
    public RetryBudget(double ratio, int minRetriesPerSecond, LongSupplier nanoTime) {
        if (!(ratio >= 0) || minRetriesPerSecond < 0) {
            throw new IllegalArgumentException("budget needs ratio >= 0 and minRetriesPerSecond >= 0");
        }
        this.ratioPpm = Math.round(ratio * PARTS_PER_MILLION);
        this.floor = (long) minRetriesPerSecond * WINDOW_SECONDS;
        this.nanoTime = nanoTime;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            ring.set(i, NEVER_USED);
        }
    }

    public static RetryBudget of(RetryConfig config, LongSupplier nanoTime) {
        return new RetryBudget(config.budget(), config.minRetriesPerSecond(), nanoTime);
    }

    /** Records an original request (not a retry); each one earns {@code ratio} retries for the next 10 s. */
    public void onRequest() {
        bucket(currentSecond()).requests.incrementAndGet();
    }

    /** Takes one retry from the budget if it has room; a retry allowed here must then be made. */
    public boolean tryAcquireRetry() {
        Bucket current = bucket(currentSecond());
        long requests = 0;
        long earlierRetries = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            Bucket bucket = ring.get(i);
            if (bucket.isWithinWindowOf(current.second)) {
                requests += bucket.requests.get();
                if (bucket != current) {
                    earlierRetries += bucket.retries.get();
                }
            }
        }
        long allowed = requests * ratioPpm / PARTS_PER_MILLION + floor - earlierRetries;
        // Retries are only ever added to the current second's bucket, so a CAS on it keeps the cap exact.
        for (int retries = current.retries.get(); retries < allowed; retries = current.retries.get()) {
            if (current.retries.compareAndSet(retries, retries + 1)) {
                return true;
            }
        }
        return false;
    }

    private long currentSecond() {
        return Math.floorDiv(nanoTime.getAsLong(), NANOS_PER_SECOND);
    }

    private Bucket bucket(long second) {
        int index = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        while (true) {
            Bucket bucket = ring.get(index);
            if (bucket.second >= second) {
                return bucket; // a thread that read the clock later got here first: count with its second
            }
            Bucket fresh = new Bucket(second);
            if (ring.compareAndSet(index, bucket, fresh)) {
                return fresh;
            }
        }
    }

    private static final class Bucket {
        final long second;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();

        Bucket(long second) {
            this.second = second;
        }

        boolean isWithinWindowOf(long now) {
            return second <= now && second > now - WINDOW_SECONDS;
        }
    }
}
