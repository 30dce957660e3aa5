package dev.outrigger.sidecar.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One metric family: a name, its help text and type, label names, and the samples it writes at scrape time. */
abstract class Metric {
    final String name;
    private final String help;
    private final String type;
    final List<String> labelNames;

    Metric(String name, String help, String type, String[] labelNames) {
        this.name = TextFormat.checkMetricName(name);
        this.help = help;
        this.type = type;
        this.labelNames = List.of(labelNames);
        Set<String> seen = new HashSet<>();
        for (String label : labelNames) {
            TextFormat.checkLabelName(label);
            if (!seen.add(label)) {
                throw new IllegalArgumentException(name + ": label " + label + " given twice");
            }
        }
    }

    final void checkLabelCount(String[] values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(
                    name + " has labels " + labelNames + " but got " + values.length + " values");
        }
    }

    final void writeTo(StringBuilder out) {
        TextFormat.writeHeader(out, name, help, type);
        writeSamples(out);
    }

    abstract void writeSamples(StringBuilder out);
}
