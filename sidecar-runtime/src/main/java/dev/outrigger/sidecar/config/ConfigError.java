package dev.outrigger.sidecar.config;

/**
 * One problem found in a config file.
 *
 * @param path    where in the document, with the keys as written ({@code services.payments.endpoints[1]});
 *                empty when the problem concerns the whole file
 * @param line    1-based line in the file; 0 when there is none (e.g. the file cannot be read)
 * @param message what is wrong, e.g. {@code must be between 1 and 10, got 0}
 */
public record ConfigError(String path, int line, String message) {

    /** Renders as {@code sidecar.yaml:12: services.payments.retry.attempts: must be between 1 and 10, got 0}. */
    public String render(String sourceName) {
        StringBuilder text = new StringBuilder(sourceName);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
