package dev.outrigger.bench.app;

/**
 * A {@code -javaagent} that does nothing, for the start-up part of {@code scripts/bench}: beside the same app with
 * Outrigger's agent, it separates the JVM's own cost of handling any agent from the agent's.
 */
public final class EmptyAgent {
    private EmptyAgent() {
    }

    public static void premain(String agentArgs) {
    }
}
