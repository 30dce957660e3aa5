package dev.outrigger.sidecar.config;

import java.util.List;

/** A config file that cannot be used, with every problem found in it (ordered by line). */
public final class ConfigException extends Exception {

    private final String sourceName;
    private final List<ConfigError> errors;

    public ConfigException(String sourceName, List<ConfigError> errors) {
        super(String.join("\n", render(sourceName, errors)));
        this.sourceName = sourceName;
        this.errors = List.copyOf(errors);
    }

    public String sourceName() {
        return sourceName;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /** Every error rendered as {@code file:line: path: message}, one per element. */
    public List<String> renderedErrors() {
        return render(sourceName, errors);
    }

    private static List<String> render(String sourceName, List<ConfigError> errors) {
        return errors.stream().map(error -> error.render(sourceName)).toList();
    }
}
