package dev.outrigger.agent;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Applies a {@link ClientHook} to a class's bytes with Byte Buddy. Nothing is loaded to do it: the class, the library
 * types it names and the advice are all read as class files, so the advice's references to library types resolve
 * against the app's class loader, wherever the library lives.
 */
final class Weaver {

    private Weaver() {
    }

    /** @return the woven class file, or {@code null} to leave the class as it is (logged) */
    static byte[] weave(ClientHook hook, ClassLoader loader, byte[] classFile, AgentLog log) {
        ClassFileLocator locator = new ClassFileLocator.Compound(
                ClassFileLocator.Simple.of(hook.typeName(), classFile),
                ClassFileLocator.ForClassLoader.of(loader),
                ClassFileLocator.ForClassLoader.of(Weaver.class.getClassLoader()));
        TypePool pool = TypePool.Default.of(locator);
        TypeDescription type = pool.describe(hook.typeName()).resolve();
        ElementMatcher.Junction<MethodDescription> method = named(hook.methodName())
                .and(returns(named(hook.returnTypeName())))
                .and(isDeclaredBy(type));
        if (hook.parameterCount() != ClientHook.ANY_PARAMETERS) {
            method = method.and(takesArguments(hook.parameterCount()));
        }
        if (type.getDeclaredMethods().filter(method).isEmpty()) {
            log.warn(hook.library() + ": not redirected, this version has no " + hook.typeName() + "."
                    + hook.methodName() + " returning " + hook.returnTypeName());
            return null;
        }
        Advice advice = Advice.to(pool.describe(hook.adviceName()).resolve(), locator);
        byte[] woven = new ByteBuddy().with(TypeValidation.DISABLED)
                .redefine(type, locator)
                .visit(advice.on(method))
                .make(pool)
                .getBytes();
        String done = hook.library() + ": " + hook.effect().description;
        if (hook.effect() == ClientHook.Effect.REDIRECTS) {
            log.info(done);
        } else {
            log.debugMessages().accept(done);
        }
        return woven;
    }
}
