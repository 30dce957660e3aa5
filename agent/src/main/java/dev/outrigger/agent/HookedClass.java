package dev.outrigger.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One class the agent weaves, with its hooks. A library loads many of its classes before the one hooked, so
 * when the first of them loads the class is read from the same loader and woven on a background thread: by the
 * time the class itself loads its weave is done or under way, and the app's thread does not pay for loading ASM
 * and running it cold. The woven bytes are used only if the bytes the JVM then hands over are the ones read ahead
 * (another agent may have changed them); otherwise the class is woven there and then.
 */
final class HookedClass {
    private final String internalName;
    private final List<ClientHook> hooks;
    private final String library;
    private final AgentLog log;
    private final AtomicReference<FutureTask<Ahead>> ahead = new AtomicReference<>();

    /**
     * The class file as read ahead ({@code null} if it could not be), as woven ({@code null}: left as it is), and what
     * weaving it logged, printed only when the class does load.
     */
    private record Ahead(byte[] read, byte[] woven, ByteArrayOutputStream logged) {
    }

    HookedClass(List<ClientHook> hooks, AgentLog log) {
        this.hooks = hooks;
        this.internalName = hooks.get(0).internalName();
        this.library = libraryOf(internalName);
        this.log = log;
    }

    /**
     * Where a library's classes are: the hooked class's package, cut to its first three names
     * ({@code org/apache/hc/} for {@code org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner}).
     */
    private static String libraryOf(String internalName) {
        int end = -1;
        for (int names = 0; names < 3 && internalName.indexOf('/', end + 1) >= 0; names++) {
            end = internalName.indexOf('/', end + 1);
        }
        return internalName.substring(0, end + 1);
    }

    boolean throughDefaultSelector() {
        return hooks.get(0).throughDefaultSelector();
    }

    ClientHook firstHook() {
        return hooks.get(0);
    }

    boolean isOfLibrary(String className) {
        return className.startsWith(library);
    }

    boolean aheadStarted() {
        return ahead.get() != null;
    }

    /** Starts weaving this class on a background thread, from its class file as {@code loader} finds it. */
    void weaveAhead(ClassLoader loader) {
        FutureTask<Ahead> task = weaving(loader, null);
        if (ahead.compareAndSet(null, task)) {
            Thread thread = new Thread(task, "outrigger-weave-ahead");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** @return {@code classFile} woven, or {@code null} to leave it as it is */
    byte[] woven(byte[] classFile) {
        ahead.compareAndSet(null, weaving(null, classFile)); // not started ahead: weave these bytes, once
        FutureTask<Ahead> task = ahead.get();
        task.run(); // does nothing if another thread took it; then get() waits for it
        try {
            Ahead done = task.get();
            if (Arrays.equals(done.read, classFile)) {
                log.print(done.logged);
                return done.woven;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // woven below
        }
        return weave(classFile, log);
    }

    /** Weaves {@code classFile}, or if it is {@code null} the class file as {@code loader} finds it. */
    private FutureTask<Ahead> weaving(ClassLoader loader, byte[] classFile) {
        return new FutureTask<>(new Callable<>() {
            @Override
            public Ahead call() {
                byte[] read = classFile != null ? classFile : read(loader);
                ByteArrayOutputStream logged = new ByteArrayOutputStream();
                return new Ahead(read, read == null ? null : weave(read, log.heldIn(logged)), logged);
            }
        });
    }

    private byte[] weave(byte[] original, AgentLog log) {
        byte[] classFile = original;
        for (ClientHook hook : hooks) {
            try {
                byte[] woven = Weaver.weave(hook, classFile, log);
                classFile = woven == null ? classFile : woven;
            } catch (Throwable t) {
                log.warn(hook.library() + ": " + hook.skipped() + ", weaving " + hook.typeName() + " failed: " + t);
            }
        }
        return classFile == original ? null : classFile;
    }

    private byte[] read(ClassLoader loader) {
        ClassLoader finder = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        try (InputStream in = finder.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
