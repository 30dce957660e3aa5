package dev.outrigger.agent;

import dev.outrigger.bootstrap.Hooks;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weaves the {@link ClientHook}s of a class into it as the class loads, one after the other. Until a class of one
 * of those few libraries loads, a class load costs a map lookup and a few prefix checks, and ASM stays unloaded:
 * an app that uses none of the libraries pays nothing for them. The first class of a library starts the weave of its
 * hooked class ahead, on a background thread ({@link HookedClass}). Whatever goes wrong, the class loads as it is.
 */
final class LazyWeaver implements ClassFileTransformer {
    private final Map<String, HookedClass> classes = new HashMap<>();
    private final HookedClass[] hooked;
    private final AgentLog log;

    LazyWeaver(List<ClientHook> hooks, AgentLog log) {
        Map<String, List<ClientHook>> byClass = new HashMap<>();
        for (ClientHook hook : hooks) {
            List<ClientHook> classHooks = byClass.get(hook.internalName());
            if (classHooks == null) { // no lambda: this runs in premain, where a JVM's first lambda costs milliseconds
                classHooks = new ArrayList<>();
                byClass.put(hook.internalName(), classHooks);
            }
            classHooks.add(hook);
        }
        for (List<ClientHook> classHooks : byClass.values()) {
            HookedClass hooked = new HookedClass(classHooks, log);
            classes.put(hooked.firstHook().internalName(), hooked);
        }
        this.hooked = classes.values().toArray(new HookedClass[0]);
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || classBeingRedefined != null) {
            return null;
        }
        weaveAheadIfFirstOfLibrary(loader, className);
        HookedClass hooked = classes.get(className);
        if (hooked == null) {
            return null;
        }
        ClientHook first = hooked.firstHook();
        if (!first.throughDefaultSelector() && !seesAgent(loader)) {
            log.warn(first.library() + ": " + first.skipped() + ", " + first.typeName() + " is loaded by " + loader
                    + ", which cannot see the agent's classes");
            return null;
        }
        return hooked.woven(classfileBuffer);
    }

    private void weaveAheadIfFirstOfLibrary(ClassLoader loader, String className) {
        for (HookedClass hooked : this.hooked) {
            if (!hooked.aheadStarted() && hooked.isOfLibrary(className)
                    && (hooked.throughDefaultSelector() || seesAgent(loader))) {
                hooked.weaveAhead(loader);
            }
        }
    }

    /**
     * Woven code calls {@link Hooks} by name, so the class's loader must resolve that name to this very class (a
     * plugin host's isolated loader does not): otherwise the call would fail in the app's thread.
     */
    private static boolean seesAgent(ClassLoader loader) {
        try {
            return Class.forName(Hooks.class.getName(), false, loader) == Hooks.class;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }
}
