package dev.outrigger.agent;

import dev.outrigger.bootstrap.Hooks;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weaves the {@link ClientHook}s of a class into it as the class loads, one after the other. Until one of those few classes loads, a class load
 * costs one map lookup and ASM stays unloaded: an app that uses none of the libraries pays nothing for them.
 * Whatever goes wrong, the class loads as it is.
 */
final class LazyWeaver implements ClassFileTransformer {
    private final Map<String, List<ClientHook>> hooks = new HashMap<>();
    private final AgentLog log;

    LazyWeaver(List<ClientHook> hooks, AgentLog log) {
        for (ClientHook hook : hooks) {
            List<ClientHook> classHooks = this.hooks.get(hook.internalName());
            if (classHooks == null) { // no lambda: this runs in premain, where a JVM's first lambda costs milliseconds
                classHooks = new ArrayList<>();
                this.hooks.put(hook.internalName(), classHooks);
            }
            classHooks.add(hook);
        }
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        List<ClientHook> classHooks = className == null || classBeingRedefined != null ? null : hooks.get(className);
        if (classHooks == null) {
            return null;
        }
        ClientHook first = classHooks.get(0);
        if (!first.throughDefaultSelector() && !seesAgent(loader)) {
            log.warn(first.library() + ": " + first.skipped() + ", " + first.typeName() + " is loaded by " + loader
                    + ", which cannot see the agent's classes");
            return null;
        }
        byte[] classFile = classfileBuffer;
        for (ClientHook hook : classHooks) {
            byte[] woven = weave(hook, classFile);
            classFile = woven == null ? classFile : woven;
        }
        return classFile == classfileBuffer ? null : classFile;
    }

    private byte[] weave(ClientHook hook, byte[] classFile) {
        try {
            return Weaver.weave(hook, classFile, log);
        } catch (Throwable t) {
            log.warn(hook.library() + ": " + hook.skipped() + ", weaving " + hook.typeName() + " failed: " + t);
            return null;
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
