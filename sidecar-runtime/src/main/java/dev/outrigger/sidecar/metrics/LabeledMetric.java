package dev.outrigger.sidecar.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A metric whose children, one per set of label values, are created on first use and kept. */
abstract class LabeledMetric<C> extends Metric {
    private final ConcurrentHashMap<List<String>, C> children = new ConcurrentHashMap<>();

    LabeledMetric(String name, String help, String type, String[] labelNames) {
        super(name, help, type, labelNames);
    }

    /**
     * The child for these label values, in the order of the label names. Cheap, but it does build a key: keep the
     * child when the values are known in advance.
     *
     * @throws IllegalArgumentException if the number of values differs from the number of label names
     */
    public final C labels(String... values) {
        checkLabelCount(values);
        List<String> key = List.of(values);
        C child = children.get(key);
        return child != null ? child : children.computeIfAbsent(key,
                k -> newChild(TextFormat.labelText(labelNames, k)));
    }

    /** @param labelText the child's labels, formatted for {@link TextFormat#writeSample} */
    abstract C newChild(String labelText);

    abstract void writeChild(StringBuilder out, C child);

    /** Children in order of their label values, so that scrapes are stable. */
    @Override
    final void writeSamples(StringBuilder out) {
        List<Map.Entry<List<String>, C>> sorted = new ArrayList<>(children.entrySet());
        sorted.sort(Map.Entry.comparingByKey(LabeledMetric::compareValues));
        for (Map.Entry<List<String>, C> entry : sorted) {
            writeChild(out, entry.getValue());
        }
    }

    private static int compareValues(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
