package dev.outrigger.agent;

import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.OnExit;

/** Hook fixtures for {@link WeaverTest}, shaped like the real ones in {@code dev.outrigger.agent.hooks}. */
final class FakeHooks {

    private FakeHooks() {
    }

    /** Replaces "no proxy" with a sidecar. */
    public static final class ToSidecar extends OnExit<String, Object, String> {
        @Override
        public String exit(String proxy, Object planner, String target) {
            return proxy == null ? "sidecar-for-" + target : proxy;
        }
    }

    /** Marks whatever answer it gets, to show the order of two hooks on one method. */
    /** Answers false, for opted-in targets only. */
    public static final class NoTunnel extends OnExit<Boolean, Object, String> {
        @Override
        public Boolean exit(Boolean requiresTunnel, Object planner, String target) {
            return requiresTunnel && !target.contains("opted-in");
        }
    }

    public static final class Marks extends OnExit<String, Object, Object> {
        @Override
        public String exit(String answer, Object planner, Object target) {
            return answer + "+marked";
        }
    }

    /** Rewrites a request before the library sends it. */
    public static final class RewriteRequest extends OnEntry<String, FakePlanner, Object> {
        @Override
        public String enter(String request, FakePlanner self, Object attempt) {
            return request + " via the sidecar";
        }
    }

    /** Rewrites a request with two later arguments of the method, passed instead of {@code this} and argument 1. */
    public static final class RewriteWithRoute extends OnEntry<String, String, String> {
        @Override
        public String enter(String request, String route, String context) {
            return request + " via " + route + " in " + context;
        }
    }

    /** A bug inside the agent. */
    public static final class Faulty extends OnExit<String, Object, Object> {
        @Override
        public String exit(String proxy, Object planner, Object target) {
            throw new IllegalStateException("fault inside the agent");
        }
    }

    /** A hook that cannot even start, like one for a library version without the fields it reads. */
    public static final class BrokenAtStart extends OnExit<String, Object, Object> {
        private static final Object NEEDED = fail();

        @Override
        public String exit(String proxy, Object planner, Object target) {
            return String.valueOf(NEEDED);
        }

        private static Object fail() {
            throw new IllegalStateException("this version has no such field");
        }
    }
}
