package dev.outrigger.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A child process whose stdout and stderr go to {@code NAME.out} and {@code NAME.err} in a log folder.
 * {@link #close()} stops it and every process it started; a shutdown hook does the same if the test JVM exits first.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::kill), "kill-child-processes"));
    }

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static ChildProcess start(String name, List<String> command, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path stdout = logDir.resolve(name + ".out");
            Path stderr = logDir.resolve(name + ".err");
            Files.writeString(logDir.resolve(name + ".cmd"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            ChildProcess child = new ChildProcess(name, process, stdout, stderr);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** Both streams, for scanning and for failure messages. */
    public String output() {
        return stdout() + stderr();
    }

    /** Waits for a line of stdout or stderr that matches; fails if the process ends or the time runs out first. */
    public String awaitLine(Predicate<String> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ended = !process.isAlive();
            Optional<String> line = output().lines().filter(matching).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError(name + (ended ? " ended (exit " + process.exitValue() + ")" : " timed out")
                        + " before printing the awaited line; its output:\n" + output());
            }
            pause();
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + timeout + "; its output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
    }

    /** Asks the process to stop (SIGTERM), waits a grace period, then kills it and whatever it started. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        descendants.forEach(ChildProcess::killAndWait);
    }

    private void kill() {
        process.descendants().forEach(ChildProcess::killAndWait);
        killAndWait(process.toHandle());
        LIVE.remove(this);
    }

    private static void killAndWait(ProcessHandle handle) {
        handle.destroyForcibly();
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not kill " + handle.pid(), e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
