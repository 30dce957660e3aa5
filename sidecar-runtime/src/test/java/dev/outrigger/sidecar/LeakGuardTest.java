package dev.outrigger.sidecar;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

class LeakGuardTest {

    @Test
    void aBufferThatIsNeverReleasedFailsTheTest() {
        LeakGuard guard = new LeakGuard();
        guard.beforeAll(null);
        leakOneBuffer();
        assertThrows(AssertionError.class, () -> guard.afterEach(null));
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.buffer(16).writeInt(42);
    }
}
