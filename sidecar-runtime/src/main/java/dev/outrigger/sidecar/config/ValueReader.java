package dev.outrigger.sidecar.config;

import java.util.function.Function;
import java.util.function.Predicate;

/** Turns one YAML node into a typed value, reporting what is wrong with it. */
@FunctionalInterface
interface ValueReader<T> {

    /** The value, or null once every problem with {@code node} has been reported. */
    T read(YamlNode node, String path, Problems problems);

    /** This reader with its value converted by {@code conversion}. */
    default <R> ValueReader<R> map(Function<? super T, R> conversion) {
        return (node, path, problems) -> {
            T value = read(node, path, problems);
            return value == null ? null : conversion.apply(value);
        };
    }

    /** This reader, plus a rule the value must follow; {@code message} explains a broken rule. */
    default ValueReader<T> check(Predicate<? super T> rule, Function<? super T, String> message) {
        return (node, path, problems) -> {
            T value = read(node, path, problems);
            if (value != null && !rule.test(value)) {
                problems.add(path, node.line(), message.apply(value));
                return null;
            }
            return value;
        };
    }
}
