package dev.outrigger.agent;

import java.io.PrintStream;

/** One-line messages to standard error, prefixed so they stand out in the app's own log. */
final class AgentLog {
    static final String PREFIX = "[outrigger-agent] ";

    private final LogLevel level;
    private final PrintStream out;

    AgentLog(LogLevel level, PrintStream out) {
        this.level = level;
        this.out = out;
    }

    void warn(String message) {
        print(LogLevel.INFO, "WARN " + message);
    }

    void info(String message) {
        print(LogLevel.INFO, message);
    }

    void debug(String message) {
        print(LogLevel.DEBUG, message);
    }

    private void print(LogLevel needed, String message) {
        if (level.compareTo(needed) >= 0) {
            out.println(PREFIX + message);
        }
    }
}
