package dev.outrigger.it.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildProcessTest {

    @TempDir
    Path logs;

    @Test
    void closingStopsTheProcessAndEverythingItStarted() {
        ChildProcess shell = ChildProcess.start("shell", List.of("sh", "-c", "sleep 300 & echo started; wait"), logs);
        shell.awaitLine(line -> line.equals("started"), Duration.ofSeconds(10));
        List<ProcessHandle> children = ProcessHandle.of(shell.pid()).orElseThrow().descendants().toList();

        shell.close();

        assertFalse(children.isEmpty());
        assertFalse(shell.isAlive());
        assertTrue(children.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void capturesBothStreamsAndTheExitCode() {
        ChildProcess shell = ChildProcess.start("shell", List.of("sh", "-c", "echo out; echo err >&2; exit 3"), logs);

        assertEquals(3, shell.awaitExit(Duration.ofSeconds(10)));
        assertEquals("out\n", shell.stdout());
        assertEquals("err\n", shell.stderr());
    }

    @Test
    void waitingForALineFailsAsSoonAsTheProcessEnds() {
        ChildProcess shell = ChildProcess.start("shell", List.of("sh", "-c", "echo something else"), logs);

        AssertionError error = assertThrows(AssertionError.class,
                () -> shell.awaitLine(line -> line.startsWith("READY"), Duration.ofSeconds(30)));
        assertTrue(error.getMessage().contains("something else"), error.getMessage());
    }
}
