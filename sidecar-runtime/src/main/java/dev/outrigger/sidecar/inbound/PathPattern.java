package dev.outrigger.sidecar.inbound;

import java.util.regex.Pattern;

/**
 * A path pattern of an authorization rule, matched against the normalized path (see {@link RequestTarget}):
 * <ul>
 *   <li>exact: {@code /orders} matches {@code /orders} and {@code /orders/};</li>
 *   <li>glob: {@code *} matches any characters within one segment, so {@code /orders/*} matches
 *       {@code /orders/7} (and {@code /orders/}) but not {@code /orders/7/items};</li>
 *   <li>prefix: a final {@code /**} matches the rest, any number of segments including none, so
 *       {@code /orders/**} matches {@code /orders}, {@code /orders/7} and {@code /orders/7/items}.</li>
 * </ul>
 * Letters match regardless of case. A pattern is written in normalized form: it starts with {@code /}
 * and has no empty, {@code .} or {@code ..} segments and none of {@code % ? # ; \}.
 */
public final class PathPattern {

    private final String text;
    private final Pattern regex;

    private PathPattern(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code pattern} */
    public static PathPattern compile(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("'" + pattern + "' must start with /");
        }
        for (char c : pattern.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || "%?#;\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + pattern + "' contains '" + c
                        + "'; write the path as it reads after normalization");
            }
        }
        String body = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1)
                : pattern;
        String[] segments = body.substring(1).split("/", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("**") && last) {
                return new PathPattern(pattern, compileRegex(regex.append("(/.*)?")));
            }
            if (segment.contains("**")) {
                throw new IllegalArgumentException("'" + pattern + "': ** is only allowed as the whole last segment");
            }
            if ((segment.isEmpty() && !(last && i == 0)) || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + pattern + "' has an empty, . or .. segment");
            }
            regex.append('/').append(glob(segment));
        }
        return new PathPattern(pattern, compileRegex(regex.append("/?")));
    }

    private static String glob(String segment) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = segment.indexOf('*'); star >= 0; star = segment.indexOf('*', start)) {
            regex.append(Pattern.quote(segment.substring(start, star))).append("[^/]*");
            start = star + 1;
        }
        return regex.append(Pattern.quote(segment.substring(start))).toString();
    }

    private static Pattern compileRegex(CharSequence regex) {
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** @param path a normalized path, without query */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
