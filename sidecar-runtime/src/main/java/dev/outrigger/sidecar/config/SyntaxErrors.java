package dev.outrigger.sidecar.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns the YAML parser's multi-line error text into one line. */
final class SyntaxErrors {

    private SyntaxErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            String problem = yaml.getProblem();
            if (yaml.getContext() != null && yaml.getContextMark() != null) {
                problem += " (" + yaml.getContext() + " started at line " + (yaml.getContextMark().getLine() + 1) + ")";
            }
            return problem;
        }
        return e.getOriginalMessage().lines().findFirst().orElse("unreadable YAML");
    }
}
