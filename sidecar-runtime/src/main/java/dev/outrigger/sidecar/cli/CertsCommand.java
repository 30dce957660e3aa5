package dev.outrigger.sidecar.cli;

import dev.outrigger.sidecar.tls.CertificateBuilder;
import dev.outrigger.sidecar.tls.Credential;
import dev.outrigger.sidecar.tls.Pem;
import dev.outrigger.sidecar.tls.SpiffeId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code certs ca --dir DIR} writes a development CA; {@code certs issue --dir DIR --service NAME} a workload
 * certificate signed by it, whose SPIFFE ID is {@code spiffe://<trust domain>/NAME}.
 */
final class CertsCommand implements Command {

    private static final String DEFAULT_TRUST_DOMAIN = "outrigger.local";
    private static final int DEFAULT_DAYS = 365;
    private static final int MAX_DAYS = 3650;
    private static final Duration CA_VALIDITY = Duration.ofDays(MAX_DAYS);
    /** Certificates start a little in the past so that hosts whose clocks lag still accept them. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Clock clock;

    CertsCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "certs";
    }

    @Override
    public String arguments() {
        return "ca|issue --dir DIR";
    }

    @Override
    public String summary() {
        return "'ca' writes a development CA to DIR/ca.pem and DIR/ca-key.pem; 'issue --service NAME "
                + "[--trust-domain D] [--days N]' writes DIR/NAME.pem and DIR/NAME-key.pem signed by it.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("certs needs 'ca' or 'issue'");
        }
        Map<String, String> options = options(args.subList(1, args.size()));
        try {
            switch (args.get(0)) {
                case "ca" -> {
                    allowOnly(options, Set.of("--dir"));
                    writeAuthority(directory(options), out);
                }
                case "issue" -> {
                    allowOnly(options, Set.of("--dir", "--service", "--trust-domain", "--days"));
                    issue(directory(options), options, out);
                }
                default -> throw new UsageException("certs needs 'ca' or 'issue', got '" + args.get(0) + "'");
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("certs " + args.get(0) + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private void writeAuthority(Path dir, PrintStream out) throws IOException {
        Path certificate = dir.resolve("ca.pem");
        Path key = dir.resolve("ca-key.pem");
        if (Files.exists(certificate) || Files.exists(key)) {
            throw new IOException(certificate + " or " + key + " already exists; a new CA would invalidate every "
                    + "certificate it signed, so remove them first if that is what you want");
        }
        Files.createDirectories(dir);
        Instant now = clock.instant();
        Credential ca = CertificateBuilder.authority("Outrigger development CA", now.minus(BACKDATE),
                now.plus(CA_VALIDITY)).build(null);
        Pem.write(ca, certificate, key);
        out.println("wrote " + certificate + " and " + key);
    }

    private void issue(Path dir, Map<String, String> options, PrintStream out) throws IOException {
        String service = required(options, "--service");
        SpiffeId id;
        try {
            if (service.contains("/")) {
                throw new IllegalArgumentException("a service name has no '/'");
            }
            id = SpiffeId.ofService(options.getOrDefault("--trust-domain", DEFAULT_TRUST_DOMAIN), service);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --service or --trust-domain: " + e.getMessage());
        }
        int days = days(options.get("--days"));
        Path caFile = dir.resolve("ca.pem");
        Path caKeyFile = dir.resolve("ca-key.pem");
        if (!Files.exists(caFile) || !Files.exists(caKeyFile)) {
            throw new IOException("no CA in " + dir + "; create one with: certs ca --dir " + dir);
        }
        Credential ca = new Credential(Pem.readCertificates(caFile).get(0), Pem.readPrivateKey(caKeyFile));
        Instant now = clock.instant();
        Credential issued = CertificateBuilder.workload(id, now.minus(BACKDATE), now.plus(Duration.ofDays(days)))
                .build(ca);
        Path certificate = dir.resolve(service + ".pem");
        Path key = dir.resolve(service + "-key.pem");
        Pem.write(issued, certificate, key);
        out.println("wrote " + certificate + " and " + key + " for " + id + ", valid " + days + " days");
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String value;
            if (equals > 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        return options;
    }

    private static void allowOnly(Map<String, String> options, Set<String> allowed) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException("certs needs " + name);
        }
        return value;
    }

    private static Path directory(Map<String, String> options) {
        String dir = required(options, "--dir");
        try {
            return Path.of(dir);
        } catch (InvalidPathException e) {
            throw new UsageException("not a folder name: " + dir);
        }
    }

    private static int days(String text) {
        if (text == null) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--days must be a whole number from 1 to " + MAX_DAYS + ", got '" + text + "'");
    }
}
