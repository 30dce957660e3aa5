package dev.outrigger.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What woven library code calls. The agent inserts one call to {@link #exit} before each return of a hooked method,
 * or one call to {@link #enter} at its start. On a class's first call, its hook (a small class the agent compiled
 * against the library, with one static method {@code exit} or {@code enter}) is defined in that class's own package
 * and class loader, so the hook sees the library's types wherever they were loaded from. Nothing that goes wrong
 * here reaches the app: a hook that cannot be linked or that throws leaves the library's own value, with one
 * warning per class.
 */
public final class Hooks {
    /** (value, self, argument) to the value to use instead. */
    private static final MethodType HOOK = MethodType.methodType(Object.class, Object.class, Object.class, Object.class);
    private static final Map<String, HookClass> HOOKS = new ConcurrentHashMap<>();
    private static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> woven) {
            return new AtomicBoolean();
        }
    };
    private static volatile Consumer<String> warnings = System.err::println;

    private static final ClassValue<MethodHandle> LINKED = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> woven) {
            try {
                return link(woven);
            } catch (Throwable t) {
                warnOnce(woven, t);
                return MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object.class, Object.class);
            }
        }
    };

    /** The hook's class file, already renamed into the package of the class it serves. */
    private record HookClass(String name, byte[] classFile) {
    }

    private Hooks() {
    }

    /** Where warnings go (the agent's log); standard error until set. */
    public static void warnTo(Consumer<String> sink) {
        warnings = sink;
    }

    /** Called by the agent as it weaves {@code wovenClassName}, before that class can run. */
    public static void register(String wovenClassName, String hookClassName, byte[] hookClassFile) {
        HOOKS.put(wovenClassName, new HookClass(hookClassName, hookClassFile));
    }

    /**
     * The call woven before a return: the hooked method's answer goes in, the hook's answer comes out.
     *
     * @param woven the class the call was woven into
     * @param self {@code this} of the hooked method, {@code null} in a static method
     * @param argument its first argument, {@code null} when it has none or a primitive one
     */
    public static Object exit(Object returned, Class<?> woven, Object self, Object argument) {
        return call(returned, woven, self, argument);
    }

    /** The call woven at the start of a method: its first argument goes in, the one to use instead comes out. */
    public static Object enter(Object argument, Class<?> woven, Object self) {
        return call(argument, woven, self, argument);
    }

    private static Object call(Object value, Class<?> woven, Object self, Object argument) {
        try {
            return LINKED.get(woven).invokeExact(value, self, argument);
        } catch (Throwable t) {
            warnOnce(woven, t);
            return value;
        }
    }

    private static MethodHandle link(Class<?> woven) throws ReflectiveOperationException {
        HookClass hook = HOOKS.get(woven.getName());
        if (hook == null) {
            throw new IllegalStateException("no hook registered");
        }
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(woven, MethodHandles.lookup());
        Class<?> hookClass;
        try {
            hookClass = lookup.findClass(hook.name());
        } catch (ClassNotFoundException notYet) {
            hookClass = define(lookup, hook);
        }
        lookup.ensureInitialized(hookClass); // a hook that cannot start fails here, once, not on every call
        MethodHandle handle = lookup.unreflect(hookMethod(hookClass));
        int used = handle.type().parameterCount();
        return MethodHandles.dropArguments(handle, used, HOOK.parameterList().subList(used, HOOK.parameterCount()))
                .asType(HOOK);
    }

    private static Class<?> define(MethodHandles.Lookup lookup, HookClass hook) throws ReflectiveOperationException {
        try {
            return lookup.defineClass(hook.classFile());
        } catch (LinkageError definedMeanwhile) {
            return lookup.findClass(hook.name());
        }
    }

    /** {@code exit(returned[, self[, argument]])} or {@code enter(argument[, self])}. */
    private static Method hookMethod(Class<?> hookClass) throws NoSuchMethodException {
        for (Method method : hookClass.getDeclaredMethods()) {
            if ((method.getName().equals("exit") || method.getName().equals("enter"))
                    && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() >= 1 && method.getParameterCount() <= HOOK.parameterCount()) {
                return method;
            }
        }
        throw new NoSuchMethodException(hookClass.getName() + ".exit(returned[, self[, argument]]) or .enter(argument"
                + "[, self])");
    }

    private static void warnOnce(Class<?> woven, Throwable t) {
        if (WARNED.get(woven).compareAndSet(false, true)) {
            warnings.accept(woven.getName() + ": hook failed, its calls go as without the agent: " + t);
        }
    }
}
