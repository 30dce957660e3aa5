package dev.outrigger.sidecar.inbound;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An inbound request target in the one normalized form that authorization judges and the app receives.
 * Normalization decodes percent-encoded unreserved characters (letters, digits, {@code - . _ ~}),
 * upper-cases the hex digits of the escapes it keeps, collapses repeated slashes and resolves {@code .} and
 * {@code ..} segments ({@code ..} stops at the root). Anything servers disagree about is refused instead of
 * guessed at: encoded slashes, backslashes and NULs ({@code %2F %5C %00}), a raw backslash, path parameters
 * ({@code ;}), malformed escapes, fragments, and characters outside printable ASCII. The query is kept as sent.
 *
 * @param path  the normalized path, starting with {@code /}
 * @param query the query as sent, without {@code ?}; null when there is none
 */
public record RequestTarget(String path, String query) {

    private static final String UNRESERVED_MARKS = "-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Why a target was refused; the message says what was found. */
    public static final class BadPathException extends Exception {
        BadPathException(String message) {
            super(message, null, false, false);
        }
    }

    /** @param target the request-target as received (origin-form) */
    public static RequestTarget normalize(String target) throws BadPathException {
        if (!target.startsWith("/")) {
            throw new BadPathException("the request target must be a path starting with /");
        }
        if (target.indexOf('#') >= 0) {
            throw new BadPathException("a request target has no fragment (#)");
        }
        int queryStart = target.indexOf('?');
        String rawPath = queryStart < 0 ? target : target.substring(0, queryStart);
        String query = queryStart < 0 ? null : target.substring(queryStart + 1);
        return new RequestTarget(resolveSegments(decodeUnreserved(rawPath)), query);
    }

    private static String decodeUnreserved(String rawPath) throws BadPathException {
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int value = i + 2 < rawPath.length() ? hexByte(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new BadPathException("malformed percent-encoding");
                }
                if (value == '/' || value == '\\' || value == 0) {
                    throw new BadPathException("encoded slash, backslash or NUL (%" + rawPath.substring(i + 1, i + 3)
                            + ")");
                }
                if (isUnreserved(value)) {
                    decoded.append((char) value);
                } else {
                    decoded.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
                }
                i += 2;
            } else if (c == '\\') {
                throw new BadPathException("backslash in path");
            } else if (c == ';') {
                throw new BadPathException("path parameters (;) are not accepted");
            } else if (c <= ' ' || c >= 0x7f) {
                throw new BadPathException("character outside printable ASCII in path");
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static String resolveSegments(String path) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                kept.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                kept.addLast(segment);
            }
        }
        String last = segments[segments.length - 1];
        boolean endsWithSlash = last.isEmpty() || last.equals(".") || last.equals("..");
        String resolved = "/" + String.join("/", kept);
        return endsWithSlash && !kept.isEmpty() ? resolved + "/" : resolved;
    }

    private static int hexByte(char high, char low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    /** ASCII only: {@link Character#digit} would also take other scripts' digits. */
    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNRESERVED_MARKS.indexOf(c) >= 0;
    }

    /** The target to send on: the normalized path and the query as sent. */
    public String uri() {
        return query == null ? path : path + "?" + query;
    }
}
