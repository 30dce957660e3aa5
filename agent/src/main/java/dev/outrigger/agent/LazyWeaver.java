package dev.outrigger.agent;

import dev.outrigger.bootstrap.Hooks;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weaves a {@link ClientHook} into its class as the class loads. Until one of those few classes loads, a class load
 * costs one map lookup and ASM stays unloaded: an app that uses none of the libraries pays nothing for them.
 * Whatever goes wrong, the class loads as it is.
 */
final class LazyWeaver implements ClassFileTransformer {
    private final Map<String, ClientHook> hooks = new HashMap<>();
    private final AgentLog log;

    LazyWeaver(List<ClientHook> hooks, AgentLog log) {
        for (ClientHook hook : hooks) {
            this.hooks.put(hook.internalName(), hook);
        }
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        ClientHook hook = className == null || classBeingRedefined != null ? null : hooks.get(className);
        if (hook == null) {
            return null;
        }
        try {
            if (!seesTheAgent(loader)) {
                log.warn(hook.library() + ": not redirected, " + hook.typeName() + " is loaded by " + loader
                        + ", which cannot see the agent's classes");
                return null;
            }
            return Weaver.weave(hook, classfileBuffer, log);
        } catch (Throwable t) {
            log.warn(hook.library() + ": not redirected, weaving " + hook.typeName() + " failed: " + t);
            return null;
        }
    }

    /**
     * Woven code calls {@link Hooks} by name, so the class's loader must resolve that name to this very class (a
     * plugin host's isolated loader does not): otherwise the call would fail in the app's thread.
     */
    private static boolean seesTheAgent(ClassLoader loader) {
        try {
            return Class.forName(Hooks.class.getName(), false, loader) == Hooks.class;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }
}
