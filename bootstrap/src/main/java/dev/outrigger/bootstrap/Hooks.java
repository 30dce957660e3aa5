package dev.outrigger.bootstrap;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What woven library code calls. The agent inserts one call to {@link #exit} before each return of a hooked method,
 * or one call to {@link #enter} at its start. On a class's first call, its hook (a small class the agent compiled
 * against the library, an {@link OnExit} or an {@link OnEntry}) is defined in that class's own package and class
 * loader, so the hook sees the library's types wherever they were loaded from. Nothing that goes wrong
 * here reaches the app: a hook that cannot be linked or that throws leaves the library's own value, with one
 * warning per class.
 */
public final class Hooks {
    /** What a hook that cannot be linked is replaced by: the library's own value. */
    private static final Hook KEEP_VALUE = new OnExit<Object, Object, Object>() {
        @Override
        public Object exit(Object returned, Object self, Object firstArgument) {
            return returned;
        }
    };
    /** Hook class files by their name, already renamed into the package of the class they serve. */
    private static final Map<String, byte[]> CLASS_FILES = new ConcurrentHashMap<>();
    /** Standard error until the agent sets its log; no lambdas here, as a JVM's first one costs it milliseconds. */
    private static volatile Consumer<String> warnings = new Consumer<>() {
        @Override
        public void accept(String line) {
            System.err.println(line);
        }
    };

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
        private final Map<String, Hook> linked = new ConcurrentHashMap<>();
        private final AtomicBoolean warned = new AtomicBoolean();

        Woven(Class<?> type) {
            this.type = type;
        }

        Object call(String name, Object value, Object self, Object argument) {
            try {
                Hook hook = linked.get(name);
                if (hook == null) {
                    hook = linkOrKeep(name);
                    Hook first = linked.putIfAbsent(name, hook);
                    hook = first != null ? first : hook;
                }
                return hook.call(value, self, argument);
            } catch (Throwable t) {
                warnOnce(t);
                return value;
            }
        }

        private Hook linkOrKeep(String name) {
            try {
                return link(name);
            } catch (Throwable t) {
                warnOnce(t);
                return KEEP_VALUE;
            }
        }

        /** Defines the hook in the woven class's package and loader (once), and makes the one instance of it. */
        private Hook link(String name) throws ReflectiveOperationException {
            byte[] classFile = CLASS_FILES.get(name);
            if (classFile == null) {
                throw new IllegalStateException("no hook " + name + " registered");
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Class<?> hookClass;
            try {
                hookClass = lookup.findClass(name);
            } catch (ClassNotFoundException notYet) {
                hookClass = define(lookup, name, classFile);
            }
            return (Hook) hookClass.getDeclaredConstructor().newInstance();
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
}
