package dev.outrigger.sidecar.config;

import java.util.List;
import java.util.Map;

/** A parsed YAML value that remembers the line it started on, so every error can point at it. */
sealed interface YamlNode {

    int line();

    /** How the value reads in an error message: {@code a map}, {@code a list}, {@code 'text'}, {@code 42}. */
    String describe();

    /** A map; {@code entries} keeps file order. */
    record MapNode(int line, Map<String, Entry> entries) implements YamlNode {
        @Override
        public String describe() {
            return "a map";
        }
    }

    /** One key of a map: {@code line} is the key's own line. */
    record Entry(String key, int line, YamlNode value) {
    }

    record ListNode(int line, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    record Scalar(int line, Kind kind, String text) implements YamlNode {
        @Override
        public String describe() {
            return switch (kind) {
                case EMPTY -> "nothing";
                case STRING -> "'" + text + "'";
                case INTEGER, DECIMAL, TRUE, FALSE -> text;
            };
        }
    }

    /** What the YAML parser made of a scalar; an empty value or {@code ~} is {@link #EMPTY}. */
    enum Kind { EMPTY, STRING, INTEGER, DECIMAL, TRUE, FALSE }
}
