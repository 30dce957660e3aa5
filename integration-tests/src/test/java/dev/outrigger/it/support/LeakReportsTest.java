package dev.outrigger.it.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeakReportsTest {

    @TempDir
    Path logs;

    @Test
    void findsNettysLeakReportsOnEitherStream() {
        Sidecar sidecar = new Sidecar(SidecarPorts.pick(), ChildProcess.start("sidecar", List.of("sh", "-c",
                "echo started; echo 'SEVERE: LEAK: ByteBuf.release() was not called' >&2; echo 'LEAK: again'"), logs));
        sidecar.process().awaitExit(Duration.ofSeconds(10));

        List<String> leaks = LeakReports.find(sidecar);

        assertEquals(2, leaks.size(), leaks::toString);
        assertEquals("sidecar (pid " + sidecar.process().pid() + "): LEAK: again", leaks.get(0));
    }
}
