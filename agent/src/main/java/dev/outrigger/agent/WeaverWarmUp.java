package dev.outrigger.agent;

import java.io.InputStream;
import java.net.URL;
import java.util.List;

/**
 * Byte Buddy's first weave loads several hundred classes. When a hooked library is on the app's class path, this
 * weaves its hook once on a background thread and throws the result away, so that Byte Buddy is loaded while the
 * app starts instead of when it first loads the library. An app without such a library only pays for the lookups,
 * on the same background thread, unless the JDK's own clients are hooked ({@link ClientHook#SIGNALS}): those
 * classes are always found.
 */
final class WeaverWarmUp implements Runnable {
    private final List<ClientHook> hooks;
    private final ClassLoader appLoader;

    private WeaverWarmUp(List<ClientHook> hooks, ClassLoader appLoader) {
        this.hooks = hooks;
        this.appLoader = appLoader;
    }

    static void start(List<ClientHook> hooks, ClassLoader appLoader) {
        Thread thread = new Thread(new WeaverWarmUp(hooks, appLoader), "outrigger-weaver-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            for (ClientHook hook : hooks) {
                URL classFile = appLoader.getResource(hook.internalName() + ".class");
                if (classFile != null) {
                    try (InputStream in = classFile.openStream()) {
                        Weaver.weave(hook, appLoader, in.readAllBytes(), new AgentLog(LogLevel.OFF, System.err));
                    }
                    return;
                }
            }
        } catch (Throwable ignored) {
            // Only a head start: the real weave, when the class loads, reports its own problems.
        }
    }
}
