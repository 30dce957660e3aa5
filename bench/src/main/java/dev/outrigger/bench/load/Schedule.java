package dev.outrigger.bench.load;

/** The send times of one connection's requests. */
final class Schedule {
    private final boolean open;
    private final long interval;
    private final long end;
    private long next;

    private Schedule(boolean open, long first, long interval, long end) {
        this.open = open;
        this.next = first;
        this.interval = interval;
        this.end = end;
    }

    /** Connection {@code k} of {@code n} at {@code rate} requests per second in total, evenly spaced. */
    static Schedule open(long start, int k, int n, int rate, long end) {
        double spacing = 1e9 / rate;
        return new Schedule(true, start + Math.round(k * spacing), Math.round(n * spacing), end);
    }

    /** As fast as responses come back. */
    static Schedule closed(long start, long end) {
        return new Schedule(false, start, 0, end);
    }

    boolean openLoop() {
        return open;
    }

    /**
     * The intended send time of the next request, or -1 when the schedule is over. In closed loop it is
     * {@code now}: the request is due when the previous one ended.
     */
    long next(long now) {
        long due = open ? next : Math.max(next, now);
        if (due >= end) {
            return -1;
        }
        next = open ? next + interval : due;
        return due;
    }
}
