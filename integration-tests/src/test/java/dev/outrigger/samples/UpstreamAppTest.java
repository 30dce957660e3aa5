package dev.outrigger.samples;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpstreamAppTest {

    @Test
    void flakyFailsEverySecondRequest() {
        assertArrayEquals(new boolean[] {false, true, false, true, false, true}, failures(6, UpstreamApp.failureRatio("flaky")));
    }

    @Test
    void aFailureRatioSpreadsItsFailuresEvenly() {
        assertArrayEquals(new boolean[] {false, false, false, true, false, false, false, true},
                failures(8, UpstreamApp.failureRatio("flaky:0.25")));
    }

    @Test
    void healthyNeverFailsAndFailAlwaysFails() {
        assertArrayEquals(new boolean[4], failures(4, UpstreamApp.failureRatio("healthy")));
        assertArrayEquals(new boolean[] {true, true, true, true}, failures(4, UpstreamApp.failureRatio("fail")));
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamApp.failureRatio("sometimes"));
    }

    @Test
    void thePatternBodyHasTheAskedLengthAndAStableDigest() throws Exception {
        PatternBody.Digest digest = PatternBody.Digest.of(new PatternBody(1000));
        assertEquals(1000, digest.length());
        assertEquals(PatternBody.sha256(1000), digest.sha256());
        assertEquals(250, new PatternBody(251).readAllBytes()[250] & 0xff);
    }

    private static boolean[] failures(int requests, double ratio) {
        boolean[] failed = new boolean[requests];
        LongStream.rangeClosed(1, requests).forEach(n -> failed[(int) n - 1] = UpstreamApp.fails(n, ratio));
        return failed;
    }
}
