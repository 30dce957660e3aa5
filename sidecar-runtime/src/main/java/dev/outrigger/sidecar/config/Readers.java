package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.YamlNode.Kind;
import dev.outrigger.sidecar.config.YamlNode.ListNode;
import dev.outrigger.sidecar.config.YamlNode.MapNode;
import dev.outrigger.sidecar.config.YamlNode.Scalar;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The value types of the config, as {@link ValueReader}s. */
final class Readers {

    private Readers() {
    }

    /** Any non-empty scalar, as written. */
    static ValueReader<String> text() {
        return (node, path, problems) -> {
            if (node instanceof Scalar scalar && scalar.kind() != Kind.EMPTY) {
                return scalar.text();
            }
            return mismatch("a value", node, path, problems);
        };
    }

    /** A scalar parsed by {@code parse}, whose {@link IllegalArgumentException} message is the error. */
    static <T> ValueReader<T> parsed(Function<String, T> parse) {
        ValueReader<String> text = text();
        return (node, path, problems) -> {
            String value = text.read(node, path, problems);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                problems.add(path, node.line(), e.getMessage());
                return null;
            }
        };
    }

    static ValueReader<Integer> integer(int min, int max) {
        return (node, path, problems) -> {
            BigInteger value = decimalInteger(node);
            if (value == null) {
                return mismatch("an integer", node, path, problems);
            }
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                String range = max != Integer.MAX_VALUE ? "between " + min + " and " + max
                        : value.signum() > 0 ? "at most " + max : "at least " + min;
                problems.add(path, node.line(), "must be " + range + ", got " + value);
                return null;
            }
            return value.intValueExact();
        };
    }

    private static BigInteger decimalInteger(YamlNode node) {
        if (node instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
            try {
                return new BigInteger(scalar.text().replace("_", ""));
            } catch (NumberFormatException e) {
                return null; // hex, octal or binary notation: not meant for this config
            }
        }
        return null;
    }

    static ValueReader<Boolean> bool() {
        return (node, path, problems) -> {
            if (node instanceof Scalar scalar && (scalar.kind() == Kind.TRUE || scalar.kind() == Kind.FALSE)) {
                return scalar.kind() == Kind.TRUE;
            }
            return mismatch("true or false", node, path, problems);
        };
    }

    static ValueReader<Duration> duration() {
        return parsed(Units::parseDuration);
    }

    static ValueReader<Integer> size() {
        return parsed(Units::parseSize);
    }

    static ValueReader<Address> address() {
        return parsed(HostPort::parse);
    }

    /** An existing file; a relative name is resolved against {@code baseDir} (the config file's folder). */
    static ValueReader<Path> file(Path baseDir) {
        return parsed(name -> {
            Path file = baseDir.resolve(name).normalize();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            return file;
        });
    }

    /** A share written {@code 20%} or {@code 0.2}, within {@code [min, max]} (fractions of 1). */
    static ValueReader<Double> fraction(double min, double max) {
        return parsed(text -> {
            double value = Units.parseFraction(text);
            if (value < min || value > max) {
                boolean plainNumber = !text.endsWith("%");
                throw new IllegalArgumentException("must be between " + Units.formatPercent(min) + " and "
                        + Units.formatPercent(max) + ", got " + text
                        + (plainNumber && value > 1 ? " (a plain number is a fraction of 1: write 20% or 0.2)" : ""));
            }
            return value;
        });
    }

    /** One of the enum's constants by its YAML name, e.g. {@code round-robin}. */
    static <E extends Enum<E>> ValueReader<E> oneOf(Class<E> type) {
        Map<String, E> byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(YamlNames::of, c -> c, (a, b) -> a, LinkedHashMap::new));
        return parsed(text -> {
            E constant = byName.get(text);
            if (constant == null) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", byName.keySet()) + ", got '"
                        + text + "'" + Suggestions.didYouMean(text, byName.keySet()));
            }
            return constant;
        });
    }

    /** A list without duplicates, each item read by {@code itemReader}; null when any item is wrong. */
    static <T> ValueReader<List<T>> listOf(ValueReader<T> itemReader) {
        return (node, path, problems) -> {
            if (!(node instanceof ListNode list)) {
                return mismatch("a list", node, path, problems);
            }
            List<T> values = new ArrayList<>();
            boolean allValid = true;
            List<YamlNode> items = list.items();
            for (int i = 0; i < items.size(); i++) {
                T value = itemReader.read(items.get(i), Problems.item(path, i), problems);
                if (value != null && values.contains(value)) {
                    problems.add(Problems.item(path, i), items.get(i).line(), "duplicate entry " + items.get(i).describe());
                    value = null;
                }
                allValid &= value != null;
                values.add(value);
            }
            return allValid ? Collections.unmodifiableList(values) : null;
        };
    }

    /** A map whose keys are fields bound by {@code binder}; unknown keys are reported afterwards. */
    static <T> ValueReader<T> section(Function<Fields, T> binder) {
        return (node, path, problems) -> {
            if (!(node instanceof MapNode map)) {
                return mismatch("a map", node, path, problems);
            }
            Fields fields = new Fields(map, path, problems);
            T value = binder.apply(fields);
            fields.rejectUnknown();
            return value;
        };
    }

    static <T> T mismatch(String expected, YamlNode node, String path, Problems problems) {
        problems.add(path, node.line(), "expected " + expected + ", got " + node.describe());
        return null;
    }
}
