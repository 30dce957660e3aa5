package dev.outrigger.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of Prometheus text exposition, enough to read the value of a series. */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private Metrics(String text, List<Sample> samples) {
        this.text = text;
        this.samples = samples;
    }

    public static Metrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
        return new Metrics(text, samples);
    }

    private static double number(String value) {
        return Double.parseDouble(value.replace("Inf", "Infinity"));
    }

    /**
     * The sum of the series called {@code name} whose labels include the given {@code label, value} pairs;
     * 0 when there is none (a counter that never moved may be absent).
     */
    public double sum(String name, String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.stream()
                .filter(sample -> sample.name.equals(name))
                .filter(sample -> sample.labels.entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** The scraped text, for failure messages. */
    @Override
    public String toString() {
        return text;
    }
}
