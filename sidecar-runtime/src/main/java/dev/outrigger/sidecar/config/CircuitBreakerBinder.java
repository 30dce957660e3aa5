package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.YamlNode.Kind;
import dev.outrigger.sidecar.config.YamlNode.MapNode;
import dev.outrigger.sidecar.config.YamlNode.Scalar;
import java.time.Duration;

/** Binds a service's {@code circuit-breaker:} block, or {@code circuit-breaker: off}. */
final class CircuitBreakerBinder {

    static final CircuitBreakerConfig DISABLED = new CircuitBreakerConfig(
            CircuitBreakerConfig.DEFAULT.failureRate(), CircuitBreakerConfig.DEFAULT.window(),
            CircuitBreakerConfig.DEFAULT.minimumCalls(), CircuitBreakerConfig.DEFAULT.openFor(),
            CircuitBreakerConfig.DEFAULT.halfOpenCalls(), false);

    private CircuitBreakerBinder() {
    }

    static ValueReader<CircuitBreakerConfig> reader() {
        ValueReader<CircuitBreakerConfig> block = Readers.section(CircuitBreakerBinder::bind);
        return (node, path, problems) -> {
            if (isOff(node)) {
                return DISABLED;
            }
            if (!(node instanceof MapNode)) {
                return Readers.mismatch("a map or off", node, path, problems);
            }
            return block.read(node, path, problems);
        };
    }

    /** YAML reads a plain {@code off} as false; a quoted {@code "off"} (as renderers write it) is a string. */
    private static boolean isOff(YamlNode node) {
        return node instanceof Scalar scalar
                && (scalar.kind() == Kind.FALSE || scalar.kind() == Kind.STRING && scalar.text().equals("off"));
    }

    /** An absent minimum-calls is capped by the window, so {@code window: 5} alone is valid. */
    private static CircuitBreakerConfig bind(Fields fields) {
        CircuitBreakerConfig d = CircuitBreakerConfig.DEFAULT;
        double failureRate = fields.get("failure-rate", Readers.fraction(0.01, 1), d.failureRate());
        int window = fields.get("window", Readers.integer(1, Integer.MAX_VALUE), d.window());
        int minimumCalls = fields.get("minimum-calls", Readers.integer(1, Integer.MAX_VALUE),
                Math.min(d.minimumCalls(), window));
        if (fields.valid("window", "minimum-calls") && minimumCalls > window) {
            fields.error("minimum-calls", "must be at most window (" + window + "), got " + minimumCalls);
        }
        Duration openFor = fields.get("open-for", Readers.duration(), d.openFor());
        int halfOpenCalls = fields.get("half-open-calls", Readers.integer(1, Integer.MAX_VALUE), d.halfOpenCalls());
        return new CircuitBreakerConfig(failureRate, window, minimumCalls, openFor, halfOpenCalls, true);
    }
}
