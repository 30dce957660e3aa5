package dev.outrigger.agent;

/** Hook fixtures for {@link WeaverTest}, shaped like the real ones in {@code dev.outrigger.agent.hooks}. */
final class FakeHooks {

    private FakeHooks() {
    }

    /** Replaces "no proxy" with a sidecar. */
    public static final class ToSidecar {
        public static String exit(String proxy, Object planner, String target) {
            return proxy == null ? "sidecar-for-" + target : proxy;
        }
    }

    /** Marks whatever answer it gets, to show the order of two hooks on one method. */
    public static final class Marks {
        public static String exit(String answer) {
            return answer + "+marked";
        }
    }

    /** Rewrites a request before the library sends it. */
    public static final class RewriteRequest {
        public static String enter(String request, FakePlanner self) {
            return request + " via the sidecar";
        }
    }

    /** A bug inside the agent. */
    public static final class Faulty {
        public static String exit(String proxy) {
            throw new IllegalStateException("fault inside the agent");
        }
    }

    /** A hook that cannot even start, like one for a library version without the fields it reads. */
    public static final class BrokenAtStart {
        private static final Object NEEDED = fail();

        public static String exit(String proxy) {
            return String.valueOf(NEEDED);
        }

        private static Object fail() {
            throw new IllegalStateException("this version has no such field");
        }
    }
}
