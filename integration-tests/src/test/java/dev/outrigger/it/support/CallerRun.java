package dev.outrigger.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a finished {@code CallerApp} printed: one {@link Call} per response, and the echo of the upstream if asked. */
public record CallerRun(int exitCode, List<Call> calls, Map<String, List<String>> echo, String output) {

    private static final Pattern CALL = Pattern.compile("status=(\\S+) instance=(\\S+) error=(\\S+)");
    private static final Pattern ECHO = Pattern.compile("echo\\.([^=]+)=(.*)");

    /** One call as the caller saw it; {@code status} is "-" and {@code error} the exception's class when it threw. */
    public record Call(String status, String instance, String error) {
        public boolean succeeded() {
            return status.startsWith("2");
        }
    }

    public static CallerRun parse(int exitCode, String output) {
        List<Call> calls = new ArrayList<>();
        Map<String, List<String>> echo = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : output.split("\n")) {
            Matcher call = CALL.matcher(line);
            Matcher echoed = ECHO.matcher(line);
            if (call.matches()) {
                calls.add(new Call(call.group(1), call.group(2), call.group(3)));
            } else if (echoed.matches()) {
                echo.computeIfAbsent(echoed.group(1), key -> new ArrayList<>()).add(echoed.group(2));
            }
        }
        return new CallerRun(exitCode, calls, echo, output);
    }

    /** The single value the upstream echoed for {@code key} (e.g. {@code method}, {@code header.X-Trace}). */
    public String echoed(String key) {
        List<String> values = echoed(key, 1);
        return values.get(0);
    }

    /** All values the upstream echoed for {@code key}; fails unless there are {@code expected} of them. */
    public List<String> echoed(String key, int expected) {
        List<String> values = echo.getOrDefault(key, List.of());
        if (values.size() != expected) {
            throw new AssertionError("expected " + expected + " echoed value(s) of " + key + " but got " + values
                    + "; caller output:\n" + output);
        }
        return values;
    }

    public long succeeded() {
        return calls.stream().filter(Call::succeeded).count();
    }

    public Call last() {
        if (calls.isEmpty()) {
            throw new AssertionError("the caller printed no call; its output:\n" + output);
        }
        return calls.get(calls.size() - 1);
    }
}
