package dev.outrigger.agent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

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

    /** A log at this one's level that writes to {@code held}, for lines to {@link #print} later or never. */
    AgentLog heldIn(ByteArrayOutputStream held) {
        return new AgentLog(level, new PrintStream(held, true, StandardCharsets.UTF_8));
    }

    /** Prints lines a {@link #heldIn held} log wrote. */
    void print(ByteArrayOutputStream held) {
        out.print(held.toString(StandardCharsets.UTF_8));
    }

    /** {@link #warn} for code that takes a JDK type. */
    Consumer<String> warnings() {
        return new Sink(LogLevel.INFO, "WARN ");
    }

    /** Messages printed only at {@link LogLevel#DEBUG}. */
    Consumer<String> debugMessages() {
        return new Sink(LogLevel.DEBUG, "");
    }

    private void print(LogLevel needed, String message) {
        if (level.compareTo(needed) >= 0) {
            out.println(PREFIX + message);
        }
    }

    /** A named class rather than a method reference: it runs in premain, where a first lambda costs milliseconds. */
    private final class Sink implements Consumer<String> {
        private final LogLevel needed;
        private final String label;

        Sink(LogLevel needed, String label) {
            this.needed = needed;
            this.label = label;
        }

        @Override
        public void accept(String message) {
            print(needed, label + message);
        }
    }
}
