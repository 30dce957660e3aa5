package dev.outrigger.sidecar;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Fails any test after which Netty reports a leaked buffer. Registered for every test class by
 * autodetection (see junit-platform.properties); the build runs with leak detection at paranoid level.
 */
public final class LeakGuard implements BeforeAllCallback, AfterEachCallback {

    private static final Logger DETECTOR_LOG = Logger.getLogger(ResourceLeakDetector.class.getName());
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("LEAK")) {
                LEAKS.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (LeakGuard.class) {
            if (!List.of(DETECTOR_LOG.getHandlers()).contains(CAPTURE)) {
                DETECTOR_LOG.addHandler(CAPTURE);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            ByteBufAllocator.DEFAULT.buffer(1).release(); // detection reports collected leaks on the next allocation
        }
        if (!LEAKS.isEmpty()) {
            String report = String.join("\n", LEAKS);
            LEAKS.clear();
            throw new AssertionError("Netty buffers leaked:\n" + report);
        }
    }
}
