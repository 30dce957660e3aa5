package dev.outrigger.it.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A development CA and workload certificates in one folder, made by the sidecar's {@code certs} command. */
public record MeshCertificates(Path dir) {

    /** Runs {@code certs ca} into {@code dir}, then {@code certs issue} for each service. */
    public static MeshCertificates create(Path dir, String... services) {
        MeshCertificates certificates = new MeshCertificates(dir);
        certificates.certs("certs-ca", "ca", "--dir", dir.toString());
        for (String service : services) {
            certificates.issue(service);
        }
        return certificates;
    }

    /**
     * Issues {@code service}'s certificate and key, or issues them again: the command writes each new file
     * beside the old one and renames it over it, the way a sidecar expects certificates to be rotated.
     */
    public void issue(String service) {
        certs("certs-issue-" + service, "issue", "--dir", dir.toString(), "--service", service);
    }

    public Path certificate(String service) {
        return dir.resolve(service + ".pem");
    }

    /** The {@code tls:} line of a sidecar config that presents {@code service}'s certificate. */
    public String tlsFor(String service) {
        return "tls: {ca: %s, cert: %s, key: %s}\n".formatted(
                dir.resolve("ca.pem"), certificate(service), dir.resolve(service + "-key.pem"));
    }

    /** Runs {@code certs ARGS} to its end; its output goes to {@code dir/logs/LOG_NAME.*}. */
    private void certs(String logName, String... args) {
        List<String> command = new ArrayList<>(List.of("certs"));
        command.addAll(List.of(args));
        try (ChildProcess cli = ChildProcess.start(logName, Artifacts.sidecarCommand(List.of(), command),
                dir.resolve("logs"))) {
            int exitCode = cli.awaitExit(Processes.STARTUP);
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + ":\n" + cli.output());
            }
        }
    }
}
