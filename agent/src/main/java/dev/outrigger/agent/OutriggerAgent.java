package dev.outrigger.agent;

/**
 * The {@code Premain-Class} and {@code Agent-Class}. Whatever goes wrong while installing, the app starts and its
 * calls go as they would without the agent.
 */
public final class OutriggerAgent {

    private OutriggerAgent() {
    }

    public static void premain(String agentArgs) {
        start(agentArgs);
    }

    public static void agentmain(String agentArgs) {
        start(agentArgs);
    }

    private static void start(String agentArgs) {
        try {
            AgentInstaller.install(agentArgs);
        } catch (Throwable t) {
            System.err.println(AgentLog.PREFIX + "not installed, calls go as they would without the agent: " + t);
        }
    }
}
