package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.YamlNode.Entry;
import dev.outrigger.sidecar.config.YamlNode.MapNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys of one YAML map being bound. Every key a binder asks for becomes known; {@link #rejectUnknown()}
 * then reports the others. A value that fails to read yields the default so binding can go on.
 */
final class Fields {

    private final MapNode map;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> failed = new HashSet<>();

    Fields(MapNode map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** The value of {@code key}, or {@code defaultValue} when it is absent or wrong. */
    <T> T get(String key, ValueReader<T> reader, T defaultValue) {
        known.add(key);
        Entry entry = map.entries().get(key);
        if (entry == null) {
            return defaultValue;
        }
        T value = reader.read(entry.value(), path(key), problems);
        if (value == null) {
            failed.add(key);
            return defaultValue;
        }
        return value;
    }

    /** The value of {@code key}; null (and an error) when it is absent or wrong. */
    <T> T require(String key, ValueReader<T> reader) {
        if (!map.entries().containsKey(key)) {
            known.add(key);
            failed.add(key);
            problems.add(Problems.child(path, key), map.line(), "is required");
            return null;
        }
        return get(key, reader, null);
    }

    /** Whether each of {@code keys} is absent or was read without error, so rules across them can be checked. */
    boolean valid(String... keys) {
        for (String key : keys) {
            if (failed.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** Reports a broken rule about {@code key} at its line. */
    void error(String key, String message) {
        failed.add(key);
        Entry entry = map.entries().get(key);
        problems.add(path(key), entry == null ? map.line() : entry.line(), message);
    }

    void rejectUnknown() {
        for (Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                problems.add(path(entry.key()), entry.line(),
                        "unknown field '" + entry.key() + "'" + Suggestions.didYouMean(entry.key(), known));
            }
        }
    }

    private String path(String key) {
        return Problems.child(path, key);
    }
}
