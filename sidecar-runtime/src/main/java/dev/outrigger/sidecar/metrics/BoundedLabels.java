package dev.outrigger.sidecar.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps a label's distinct values bounded: the first {@code limit} values seen are kept, later ones share one. */
final class BoundedLabels {
    private final int limit;
    private final String overflow;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    BoundedLabels(int limit, String overflow) {
        this.limit = limit;
        this.overflow = overflow;
    }

    /** {@code value} itself while it is one of the first {@code limit} distinct values, else the overflow value. */
    String of(String value) {
        if (known.contains(value)) {
            return value;
        }
        synchronized (known) {
            if (known.size() < limit) {
                known.add(value);
                return value;
            }
        }
        return overflow;
    }
}
