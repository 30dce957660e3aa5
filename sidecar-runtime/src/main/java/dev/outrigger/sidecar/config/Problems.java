package dev.outrigger.sidecar.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of one load, so the user sees them all at once. */
final class Problems {

    private final List<ConfigError> errors = new ArrayList<>();

    void add(String path, int line, String message) {
        errors.add(new ConfigError(path, line, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors in file order (stable for errors on the same line). */
    List<ConfigError> sortedByLine() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ConfigError::line));
        return sorted;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
