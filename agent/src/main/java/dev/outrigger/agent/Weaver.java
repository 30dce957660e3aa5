package dev.outrigger.agent;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
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
                .and(isDeclaredBy(type))
                .and(parameters(hook.parameterTypeNames()));
        if (type.getDeclaredMethods().filter(method).isEmpty()) {
            log.warn(hook.library() + ": not redirected, this version has no " + hook.typeName() + "."
                    + hook.methodName() + (hook.parameterTypeNames() == null ? "" : hook.parameterTypeNames())
                    + " returning " + hook.returnTypeName());
            return null;
        }
        Advice advice = Advice.to(pool.describe(hook.adviceName()).resolve(), locator);
        byte[] woven = new ByteBuddy().with(TypeValidation.DISABLED)
                .redefine(type, locator)
                .visit(advice.on(method))
                .make(pool)
                .getBytes();
        log.info(hook.library() + ": plain http:// calls go to the sidecar");
        return woven;
    }

    private static ElementMatcher.Junction<MethodDescription> parameters(List<String> typeNames) {
        if (typeNames == null) {
            return any();
        }
        ElementMatcher.Junction<MethodDescription> matcher = takesArguments(typeNames.size());
        for (int i = 0; i < typeNames.size(); i++) {
            matcher = matcher.and(takesArgument(i, named(typeNames.get(i))));
        }
        return matcher;
    }
}
