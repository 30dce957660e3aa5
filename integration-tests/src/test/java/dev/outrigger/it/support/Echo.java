package dev.outrigger.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request as {@code UpstreamApp} received it, read from its {@code echo.KEY=VALUE} lines. */
public final class Echo {

    private static final Pattern LINE = Pattern.compile("echo\\.([^=]+)=(.*)");

    private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final String text;

    private Echo(String text) {
        this.text = text;
    }

    /** Collects every echo line of {@code text}; other lines are ignored. */
    public static Echo parse(String text) {
        Echo echo = new Echo(text);
        for (String line : text.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                echo.values.computeIfAbsent(matcher.group(1), key -> new ArrayList<>()).add(matcher.group(2));
            }
        }
        return echo;
    }

    /** The single value echoed for {@code key}: {@code method}, {@code path}, {@code header.X-Trace}, ... */
    public String value(String key) {
        return values(key).get(0);
    }

    /** Every value echoed for {@code key}, in arrival order; fails when there is none. */
    public List<String> values(String key) {
        List<String> found = values.get(key);
        if (found == null) {
            throw new AssertionError("nothing echoed for " + key + " in:\n" + text);
        }
        return found;
    }

    public long bodyLength() {
        return Long.parseLong(value("body-length"));
    }

    public String bodySha256() {
        return value("body-sha256");
    }
}
