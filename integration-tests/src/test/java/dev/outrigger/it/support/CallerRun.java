package dev.outrigger.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a finished {@code CallerApp} printed: one {@link Call} per response, and the upstream's echo if asked. */
public record CallerRun(int exitCode, List<Call> calls, String output) {

    private static final Pattern CALL = Pattern.compile("status=(\\S+) instance=(\\S+) error=(\\S+)");

    /** One call as the caller saw it; {@code status} is "-" and {@code error} the exception's class when it threw. */
    public record Call(String status, String instance, String error) {
        public boolean succeeded() {
            return status.startsWith("2");
        }
    }

    public static CallerRun parse(int exitCode, String output) {
        List<Call> calls = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher call = CALL.matcher(line);
            if (call.matches()) {
                calls.add(new Call(call.group(1), call.group(2), call.group(3)));
            }
        }
        return new CallerRun(exitCode, calls, output);
    }

    /** The echo printed with {@code --print-body}. */
    public Echo echo() {
        return Echo.parse(output);
    }

    public long succeeded() {
        return calls.stream().filter(Call::succeeded).count();
    }

    public Call first() {
        return call(0);
    }

    public Call last() {
        return call(calls.size() - 1);
    }

    private Call call(int index) {
        if (calls.isEmpty()) {
            throw new AssertionError("the caller printed no call; its output:\n" + output);
        }
        return calls.get(index);
    }
}
