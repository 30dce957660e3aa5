package dev.outrigger.agent;

import net.bytebuddy.asm.Advice;

/** Advice fixtures for {@link WeaverTest}, shaped like the real ones in {@code dev.outrigger.agent.advice}. */
final class FakeAdvice {

    private FakeAdvice() {
    }

    /** Replaces "no proxy" with a sidecar. */
    static final class ToSidecar {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Argument(0) String target, @Advice.Return(readOnly = false) String proxy) {
            if (proxy == null) {
                proxy = "sidecar-for-" + target;
            }
        }
    }

    /** Marks an answer, to show a second hook on the same method runs after the first. */
    static final class Marks {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return(readOnly = false) String proxy) {
            if (proxy != null) {
                proxy = proxy + "+marked";
            }
        }
    }

    /** A bug inside the agent. */
    static final class Faulty {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return String proxy) {
            if (proxy == null) {
                throw new IllegalStateException("fault inside the agent");
            }
        }
    }
}
