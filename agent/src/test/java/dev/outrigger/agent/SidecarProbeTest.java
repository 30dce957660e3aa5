package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SidecarProbeTest {
    private static final InetSocketAddress SIDECAR = new InetSocketAddress("127.0.0.1", 15001);

    private volatile boolean sidecarUp;
    private final AtomicInteger probes = new AtomicInteger();
    private final List<String> changes = new ArrayList<>();
    private final SidecarProbe probe = new SidecarProbe(SIDECAR, address -> {
        probes.incrementAndGet();
        return sidecarUp;
    }, changes::add);

    @Test
    void reportsReachabilityAndProbesFasterWhileDown() {
        assertFalse(probe.getAsBoolean());

        sidecarUp = true;
        assertEquals(SidecarProbe.UP_INTERVAL_MILLIS, probe.probeOnce());
        assertTrue(probe.getAsBoolean());

        sidecarUp = false;
        assertEquals(SidecarProbe.DOWN_INTERVAL_MILLIS, probe.probeOnce());
        assertFalse(probe.getAsBoolean());
    }

    @Test
    void reportsChangesOnly() {
        probe.probeOnce();
        sidecarUp = true;
        probe.probeOnce();
        probe.probeOnce();
        sidecarUp = false;
        probe.probeOnce();

        assertEquals(List.of("sidecar 127.0.0.1:15001 is reachable", "sidecar 127.0.0.1:15001 is not reachable"),
                changes);
    }

    @Test
    void probingNowUpdatesTheAnswerThatCallsRead() {
        BooleanSupplier now = probe.probingNow();
        assertFalse(now.getAsBoolean());

        sidecarUp = true;
        assertFalse(probe.getAsBoolean(), "not probed since");
        assertTrue(now.getAsBoolean());
        assertTrue(probe.getAsBoolean());
    }

    @Test
    void probingStartsWithTheFirstQuestionWhichItAnswers() {
        BooleanSupplier reachable = probe.startedOnFirstUse();
        sidecarUp = true;
        assertEquals(0, probes.get(), "nothing probed before the first question");

        assertTrue(reachable.getAsBoolean());
        assertTrue(probes.get() >= 1);
    }

    @Test
    void startedProbeAnswersAtOnceFromARealConnect() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress up = new InetSocketAddress(listening.getInetAddress(), listening.getLocalPort());
            assertTrue(SidecarProbe.tcp(up, changes::add).start().getAsBoolean());
        }
        InetSocketAddress closed;
        try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(released.getInetAddress(), released.getLocalPort());
        }
        assertFalse(SidecarProbe.tcp(closed, changes::add).start().getAsBoolean());
    }
}
