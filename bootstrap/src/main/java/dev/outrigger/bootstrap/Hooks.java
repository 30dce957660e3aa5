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
    private static final MethodHandle KEEP_VALUE =
            MethodHandles.dropArguments(MethodHandles.identity(Object.class), 1, Object.class, Object.class);
    /** Hook class files by their name, already renamed into the package of the class they serve. */
    private static final Map<String, byte[]> CLASS_FILES = new ConcurrentHashMap<>();
    private static volatile Consumer<String> warnings = System.err::println;

    /** Per woven class: its hooks by name, linked on first call, and whether it has warned. */
    private static final ClassValue<Woven> WOVEN = new ClassValue<>() {
        @Override
        protected Woven computeValue(Class<?> type) {
            return new Woven(type);
        }
    };

    private Hooks() {
    }

    /** Where warnings go (the agent's log); standard error until set. */
    public static void warnTo(Consumer<String> sink) {
        warnings = sink;
    }

    /** Called by the agent as it weaves a class, before that class can run. */
    public static void register(String hookClassName, byte[] hookClassFile) {
        CLASS_FILES.put(hookClassName, hookClassFile);
    }

    /**
     * The call woven before a return: the hooked method's answer goes in, the hook's answer comes out.
     *
     * @param woven the class the call was woven into
     * @param hook the hook's class name, in {@code woven}'s package
     * @param self {@code this} of the hooked method, {@code null} in a static method
     * @param argument its first argument, {@code null} when it has none or a primitive one
     */
    public static Object exit(Object returned, Class<?> woven, String hook, Object self, Object argument) {
        return WOVEN.get(woven).call(hook, returned, self, argument);
    }

    /**
     * The call woven at the start of a method: its first argument goes in, the one to use instead comes out.
     *
     * @param secondArgument the method's second argument, {@code null} when it has none or a primitive one
     */
    public static Object enter(Object argument, Class<?> woven, String hook, Object self, Object secondArgument) {
        return WOVEN.get(woven).call(hook, argument, self, secondArgument);
    }

    private static final class Woven {
        private final Class<?> type;
        private final Map<String, MethodHandle> linked = new ConcurrentHashMap<>();
        private final AtomicBoolean warned = new AtomicBoolean();

        Woven(Class<?> type) {
            this.type = type;
        }

        Object call(String hook, Object value, Object self, Object argument) {
            try {
                return linked.computeIfAbsent(hook, this::linkOrKeep).invokeExact(value, self, argument);
            } catch (Throwable t) {
                warnOnce(t);
                return value;
            }
        }

        private MethodHandle linkOrKeep(String hook) {
            try {
                return link(hook);
            } catch (Throwable t) {
                warnOnce(t);
                return KEEP_VALUE;
            }
        }

        private MethodHandle link(String hook) throws ReflectiveOperationException {
            byte[] classFile = CLASS_FILES.get(hook);
            if (classFile == null) {
                throw new IllegalStateException("no hook " + hook + " registered");
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Class<?> hookClass;
            try {
                hookClass = lookup.findClass(hook);
            } catch (ClassNotFoundException notYet) {
                hookClass = define(lookup, hook, classFile);
            }
            lookup.ensureInitialized(hookClass); // a hook that cannot start fails here, once, not on every call
            MethodHandle handle = lookup.unreflect(hookMethod(hookClass));
            int used = handle.type().parameterCount();
            return MethodHandles.dropArguments(handle, used, HOOK.parameterList().subList(used, HOOK.parameterCount()))
                    .asType(HOOK);
        }

        private void warnOnce(Throwable t) {
            if (warned.compareAndSet(false, true)) {
                warnings.accept(type.getName() + ": hook failed, its calls go as without the agent: " + t);
            }
        }
    }

    private static Class<?> define(MethodHandles.Lookup lookup, String hook, byte[] classFile)
            throws ReflectiveOperationException {
        try {
            return lookup.defineClass(classFile);
        } catch (LinkageError definedMeanwhile) {
            return lookup.findClass(hook);
        }
    }

    /** {@code exit(returned[, self[, firstArgument]])} or {@code enter(firstArgument[, self[, secondArgument]])}. */
    private static Method hookMethod(Class<?> hookClass) throws NoSuchMethodException {
        for (Method method : hookClass.getDeclaredMethods()) {
            if ((method.getName().equals("exit") || method.getName().equals("enter"))
                    && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() >= 1 && method.getParameterCount() <= HOOK.parameterCount()) {
                return method;
            }
        }
        throw new NoSuchMethodException(hookClass.getName() + ".exit(returned[, self[, firstArgument]]) or"
                + " .enter(firstArgument[, self[, secondArgument]])");
    }
}
