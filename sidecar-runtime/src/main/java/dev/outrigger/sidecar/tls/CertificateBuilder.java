package dev.outrigger.sidecar.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes P-256 certificates: a self-signed CA, or a workload certificate for both TLS client and server use,
 * signed by a CA. Only the JDK's own crypto provider is used (Bouncy Castle builds the ASN.1).
 */
public final class CertificateBuilder {

    private final String commonName;
    private final boolean ca;
    private final List<GeneralName> subjectAltNames = new ArrayList<>();
    private Instant notBefore;
    private Instant notAfter;

    private CertificateBuilder(String commonName, boolean ca, Instant notBefore, Instant notAfter) {
        this.commonName = commonName;
        this.ca = ca;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** A CA certificate valid from {@code notBefore} to {@code notAfter}. */
    public static CertificateBuilder authority(String commonName, Instant notBefore, Instant notAfter) {
        return new CertificateBuilder(commonName, true, notBefore, notAfter);
    }

    /** A workload certificate with no subject alternative name yet. */
    public static CertificateBuilder workload(String commonName, Instant notBefore, Instant notAfter) {
        return new CertificateBuilder(commonName, false, notBefore, notAfter);
    }

    /** The usual workload certificate: URI SAN {@code id}, DNS SAN its service name. */
    public static CertificateBuilder workload(SpiffeId id, Instant notBefore, Instant notAfter) {
        return workload(id.service(), notBefore, notAfter).uri(id.toString()).dns(id.service());
    }

    public CertificateBuilder uri(String uri) {
        subjectAltNames.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        return this;
    }

    public CertificateBuilder dns(String name) {
        subjectAltNames.add(new GeneralName(GeneralName.dNSName, name));
        return this;
    }

    /** A new key pair and its certificate, signed by {@code issuer}, or self-signed when it is null. */
    public Credential build(Credential issuer) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = new X500Name("CN=" + commonName);
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), subject,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                certificate.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            if (ca) {
                certificate.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                certificate.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                certificate.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
            if (!subjectAltNames.isEmpty()) {
                certificate.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
            }
            X509Certificate signed = new JcaX509CertificateConverter().getCertificate(certificate.build(
                    new JcaContentSignerBuilder("SHA256withECDSA")
                            .build(issuer == null ? keys.getPrivate() : issuer.key())));
            return new Credential(signed, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot build a certificate for '" + commonName + "'", e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
