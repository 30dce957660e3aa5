package dev.outrigger.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one measured window saw.
 *
 * @param latencyNanos each response's latency: from the request's intended send time in open loop (so a stalled
 *                     connection is charged for every request it delayed), from the actual send in closed loop
 * @param responses    complete 200 responses whose request was due inside the window
 * @param errors       other statuses, broken connections, and requests still unanswered at the end
 * @param seconds      length of the window
 */
public record LoadResult(Histogram latencyNanos, long responses, long errors, double seconds) {

    public double achievedRate() {
        return responses / seconds;
    }
}
