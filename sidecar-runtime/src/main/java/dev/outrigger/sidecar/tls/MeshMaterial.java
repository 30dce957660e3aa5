package dev.outrigger.sidecar.tls;

import dev.outrigger.sidecar.config.TlsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This sidecar's mesh credentials, checked: the key belongs to the certificate, the certificate chains to
 * the CA and is valid now, and its SPIFFE ID is this workload's.
 */
record MeshMaterial(List<X509Certificate> authorities, List<X509Certificate> chain, PrivateKey key, SpiffeId id) {

    static MeshMaterial load(TlsFiles files, SpiffeId self, Instant now) throws InvalidMaterialException {
        List<X509Certificate> authorities;
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            authorities = Pem.readCertificates(files.ca());
            chain = Pem.readCertificates(files.cert());
            key = Pem.readPrivateKey(files.key());
        } catch (IOException e) {
            throw new InvalidMaterialException(e.getMessage(), e);
        }
        X509Certificate leaf = chain.get(0);
        checkKeyMatches(key, leaf, files);
        checkChain(chain, authorities, now, files);
        SpiffeId id;
        try {
            id = SpiffeId.of(leaf);
        } catch (IllegalArgumentException e) {
            throw new InvalidMaterialException(files.cert() + ": " + e.getMessage(), e);
        }
        if (!id.equals(self)) {
            throw new InvalidMaterialException(files.cert() + ": identity " + id + " is not this sidecar's (" + self + ")");
        }
        return new MeshMaterial(authorities, chain, key, id);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    private static void checkKeyMatches(PrivateKey key, X509Certificate leaf, TlsFiles files)
            throws InvalidMaterialException {
        byte[] probe = "outrigger key check".getBytes(StandardCharsets.US_ASCII);
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: reported below
        }
        throw new InvalidMaterialException(files.key() + " is not the private key of " + files.cert());
    }

    private static void checkChain(List<X509Certificate> chain, List<X509Certificate> authorities, Instant now,
                                   TlsFiles files) throws InvalidMaterialException {
        try {
            Set<TrustAnchor> anchors = authorities.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
        } catch (GeneralSecurityException e) {
            throw new InvalidMaterialException(files.cert() + " does not chain to " + files.ca() + " at " + now
                    + ": " + e.getMessage(), e);
        }
    }
}
