package dev.outrigger.sidecar.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A SPIFFE ID, {@code spiffe://<trust-domain>/<path>}: a workload's identity as carried in the URI SAN of
 * its certificate.
 *
 * @param trustDomain lower-case letters, digits, {@code .}, {@code -}, {@code _}
 * @param path        starts with {@code /}; segments of letters, digits, {@code .}, {@code -}, {@code _}
 */
public record SpiffeId(String trustDomain, String path) {

    private static final String SCHEME = "spiffe://";
    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    /** SubjectAlternativeName GeneralName tag of a URI. */
    private static final int URI_NAME = 6;

    public SpiffeId {
        if (!TRUST_DOMAIN.matcher(trustDomain).matches()) {
            throw new IllegalArgumentException("invalid SPIFFE trust domain '" + trustDomain + "'");
        }
        if (!path.startsWith("/") || path.length() == 1) {
            throw new IllegalArgumentException("a SPIFFE ID needs a path, got '" + path + "'");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid SPIFFE ID path '" + path + "'");
            }
        }
    }

    public static SpiffeId parse(String uri) {
        if (!uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("'" + uri + "' is not a SPIFFE ID: it must start with " + SCHEME);
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + uri + "' is not a SPIFFE ID: it has no path");
        }
        return new SpiffeId(rest.substring(0, slash), rest.substring(slash));
    }

    /** The identity of a certificate: its one URI SAN, which must be a SPIFFE ID. */
    public static SpiffeId of(X509Certificate certificate) {
        List<String> uris = uriNames(certificate);
        if (uris.size() != 1) {
            throw new IllegalArgumentException("a SPIFFE certificate has exactly one URI SAN, this one has "
                    + uris.size());
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
                if (name.get(0) instanceof Integer tag && tag == URI_NAME) {
                    uris.add(String.valueOf(name.get(1)));
                }
            }
        }
        return uris;
    }

    /** The workload's name: the path without its leading {@code /}. */
    public String service() {
        return path.substring(1);
    }

    @Override
    public String toString() {
        return SCHEME + trustDomain + path;
    }
}
