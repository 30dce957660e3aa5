package dev.outrigger.sidecar.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** Pieces of the Prometheus text exposition format, version 0.0.4. */
final class TextFormat {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private TextFormat() {
    }

    static String checkMetricName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name: " + name);
        }
        return name;
    }

    static void checkLabelName(String name) {
        if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("invalid label name: " + name);
        }
    }

    static void writeHeader(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ');
        escape(out, help, false);
        out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** {@code a="x",b="y"}: the inside of a sample's braces, or "" without labels. */
    static String labelText(List<String> names, List<String> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(names.get(i)).append("=\"");
            escape(text, values.get(i), true);
            text.append('"');
        }
        return text.toString();
    }

    /** One sample line; {@code extraLabel}, if not null, is appended to the labels as already-formatted text. */
    static void writeSample(StringBuilder out, String name, String labelText, String extraLabel, String value) {
        out.append(name);
        boolean hasLabels = !labelText.isEmpty();
        if (hasLabels || extraLabel != null) {
            out.append('{').append(labelText);
            if (extraLabel != null) {
                out.append(hasLabels ? "," : "").append(extraLabel);
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    /** Shortest plain decimal for a value: {@code 0.0005}, {@code 1}, {@code 2.5}, {@code +Inf}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return value == 0 ? "0" : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static void escape(StringBuilder out, String text, boolean quotes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quotes ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }
}
