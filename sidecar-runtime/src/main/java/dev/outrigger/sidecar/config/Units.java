package dev.outrigger.sidecar.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The config's value notations, parsed and formatted: durations ({@code 500ms}, {@code 1.5s}, {@code 1m},
 * {@code 1h}), sizes ({@code 65536}, {@code 64KiB}, {@code 1MiB}) and percentages ({@code 20%} or {@code 0.2}).
 * Parsing throws {@link IllegalArgumentException} whose message is fit for the user.
 */
final class Units {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Map<String, Long> MILLIS_PER_UNIT = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L);
    private static final Pattern SIZE = Pattern.compile("(\\d+)(B|KiB|MiB)?");
    private static final Map<String, Long> BYTES_PER_UNIT = Map.of("B", 1L, "KiB", 1L << 10, "MiB", 1L << 20);

    private Units() {
    }

    /** A duration of whole milliseconds, greater than zero. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 500ms, 2s, 1.5s, 1m or 1h, got '" + text + "'");
        }
        BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(MILLIS_PER_UNIT.get(m.group(2))));
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("durations are whole milliseconds, got '" + text + "'");
        }
        if (millis.signum() == 0) {
            throw new IllegalArgumentException("must be greater than 0, got '" + text + "'");
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("too long, got '" + text + "'");
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    /** The largest unit that shows {@code duration} exactly: {@code 2s}, not {@code 2000ms}. */
    static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        for (String unit : new String[] {"h", "m", "s"}) {
            long per = MILLIS_PER_UNIT.get(unit);
            if (millis % per == 0) {
                return millis / per + unit;
            }
        }
        return millis + "ms";
    }

    /** A size in bytes, from 1 up to {@link Integer#MAX_VALUE}. */
    static int parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size like 65536, 64KiB or 1MiB, got '" + text + "'");
        }
        long perUnit = m.group(2) == null ? 1 : BYTES_PER_UNIT.get(m.group(2));
        BigInteger bytes = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(perUnit));
        if (bytes.signum() == 0 || bytes.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("must be between 1 and " + Integer.MAX_VALUE + " bytes, got '" + text + "'");
        }
        return bytes.intValueExact();
    }

    /** The largest binary unit that shows {@code bytes} exactly: {@code 64KiB}; a plain number otherwise. */
    static String formatSize(int bytes) {
        for (String unit : new String[] {"MiB", "KiB"}) {
            long per = BYTES_PER_UNIT.get(unit);
            if (bytes % per == 0) {
                return bytes / per + unit;
            }
        }
        return Integer.toString(bytes);
    }

    /** A fraction of 1: {@code 20%} and {@code 0.2} both give 0.2 (range checks are the caller's). */
    static double parseFraction(String text) {
        boolean percent = text.endsWith("%");
        String number = percent ? text.substring(0, text.length() - 1) : text;
        try {
            BigDecimal value = new BigDecimal(number);
            return (percent ? value.movePointLeft(2) : value).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a percentage like 20% (or a fraction like 0.2), got '" + text + "'");
        }
    }

    /** {@code 0.2} as {@code 20%}. */
    static String formatPercent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
