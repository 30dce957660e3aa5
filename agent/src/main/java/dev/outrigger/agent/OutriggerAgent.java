package dev.outrigger.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} and {@code Agent-Class}. Whatever goes wrong while installing, the app starts and its
 * calls go as they would without the agent.
 */
public final class OutriggerAgent {

    private OutriggerAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    /** Attached to a running JVM, library classes loaded before that are not woven; the JDK clients are covered. */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation);
    }

    private static void start(String agentArgs, Instrumentation instrumentation) {
        try {
            AgentInstaller.install(agentArgs, instrumentation);
        } catch (Throwable t) {
            System.err.println(AgentLog.PREFIX + "not installed, calls go as they would without the agent: " + t);
        }
    }
}
