package dev.outrigger.sidecar.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A workload identity, {@code spiffe://<trust domain>/<path>}, as the SPIFFE standard spells it: a lower-case
 * trust domain, a non-empty path of segments made of letters, digits, {@code .}, {@code -} and {@code _}, and
 * nothing else (no port, user, query, fragment, percent-encoding, empty, {@code .} or {@code ..} segment).
 *
 * @param trustDomain e.g. {@code outrigger.local}
 * @param path        starts with {@code /}, e.g. {@code /orders}
 */
public record SpiffeId(String trustDomain, String path) {

    private static final String SCHEME = "spiffe://";
    private static final int MAX_LENGTH = 2048;
    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    /** The GeneralName type of a URI in {@link X509Certificate#getSubjectAlternativeNames()}. */
    private static final int URI_NAME = 6;

    public SpiffeId {
        checkTrustDomain(trustDomain);
        checkPath(path);
    }

    /** The identity of {@code service} in {@code trustDomain}: {@code spiffe://trustDomain/service}. */
    public static SpiffeId ofService(String trustDomain, String service) {
        return new SpiffeId(trustDomain, "/" + service);
    }

    /** Parses {@code uri}; the exception's message says what is wrong with it. */
    public static SpiffeId parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("'" + uri + "' is not a SPIFFE ID: it must start with " + SCHEME);
        }
        if (uri.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("SPIFFE ID longer than " + MAX_LENGTH + " characters");
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + uri + "' names no workload: the path after the trust domain is empty");
        }
        try {
            return new SpiffeId(rest.substring(0, slash), rest.substring(slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + uri + "' is not a valid SPIFFE ID: " + e.getMessage(), e);
        }
    }

    /**
     * The identity in {@code certificate}: its one URI subject alternative name, which must be a SPIFFE ID.
     *
     * @throws IllegalArgumentException when it has no URI SAN, several, or one that is not a valid SPIFFE ID
     */
    public static SpiffeId of(X509Certificate certificate) {
        List<String> uris = uriNames(certificate);
        if (uris.size() != 1) {
            throw new IllegalArgumentException("certificate '" + certificate.getSubjectX500Principal().getName()
                    + "' must carry exactly one URI SAN (its SPIFFE ID), has " + uris.size()
                    + (uris.isEmpty() ? "" : ": " + uris));
        }
        return parse(uris.get(0));
    }

    private static List<String> uriNames(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subject alternative names: " + e.getMessage(), e);
        }
        List<String> uris = new ArrayList<>();
        if (names != null) {
            for (List<?> name : names) {
                if (name.get(0) instanceof Integer type && type == URI_NAME) {
                    uris.add(String.valueOf(name.get(1)));
                }
            }
        }
        return uris;
    }

    /** The path without its leading slash: for Outrigger's identities, the service name. */
    public String service() {
        return path.substring(1);
    }

    @Override
    public String toString() {
        return SCHEME + trustDomain + path;
    }

    private static void checkTrustDomain(String trustDomain) {
        if (trustDomain == null || trustDomain.isEmpty()) {
            throw new IllegalArgumentException("the trust domain is empty");
        }
        if (!TRUST_DOMAIN.matcher(trustDomain).matches()) {
            throw new IllegalArgumentException("trust domain '" + trustDomain
                    + "' may hold only lower-case letters, digits, '.', '-' and '_' (no port, user or upper case)");
        }
    }

    private static void checkPath(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new IllegalArgumentException("the path is empty");
        }
        if (path.charAt(0) != '/') {
            throw new IllegalArgumentException("the path must start with '/'");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("the path has an empty, '.' or '..' segment");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("path segment '" + segment
                        + "' may hold only letters, digits, '.', '-' and '_'");
            }
        }
    }
}
