package dev.outrigger.it;

import dev.outrigger.it.support.CallerRun;
import dev.outrigger.it.support.ChildProcess;
import dev.outrigger.it.support.Eventually;
import dev.outrigger.it.support.MeshCertificates;
import dev.outrigger.it.support.Processes;
import dev.outrigger.it.support.Sidecar;
import dev.outrigger.it.support.ServedCertificate;
import dev.outrigger.it.support.SidecarPorts;
import dev.outrigger.it.support.Upstream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mesh path across processes: an unchanged caller app with the agent, its sidecar speaking mTLS
 * ({@code tls: mesh}), the callee's sidecar (strict inbound mTLS, authorization) and the callee app behind it.
 * The callee is {@code orders}, which lets {@code checkout} read {@code /orders/**}; {@code reports} may call
 * nothing; {@code payments} is a valid workload of the mesh that must not pass for {@code orders}.
 */
class MeshTest {

    private static final String CHECKOUT_ID = "spiffe://outrigger.local/checkout";
    private static final String REPORTS_ID = "spiffe://outrigger.local/reports";

    @TempDir
    static Path certificatesDir;
    static MeshCertificates certificates;

    @RegisterExtension
    final Processes processes = new Processes();

    @BeforeAll
    static void issueCertificates() {
        certificates = MeshCertificates.create(certificatesDir, "orders", "checkout", "reports", "payments");
    }

    @Test
    void anAllowedCallerReachesTheAppWithItsIdentityAndAnUnpermittedOneIsDenied() {
        Upstream app = processes.upstream("orders", "healthy");
        Sidecar orders = calleeSidecar("orders", app);

        CallerRun allowed = processes.callerWithAgent(callerSidecar("checkout", orders),
                "http://orders/orders/7", "--print-body");
        CallerRun denied = processes.callerWithAgent(callerSidecar("reports", orders), "http://orders/orders/7");

        assertEquals("200", allowed.first().status(), allowed.output());
        assertEquals(CHECKOUT_ID, allowed.echo().value("header.x-outrigger-peer"));
        assertEquals("403", denied.first().status(), denied.output());
        assertEquals("unauthorized", denied.first().error(), denied.output());
        assertEquals(1, app.count(), "only the allowed call reached the app");
        Eventually.assertThat(() -> assertEquals(1.0,
                orders.metrics().sum("outrigger_authz_denied_total", "caller", REPORTS_ID), orders.metrics()::toString));
    }

    @Test
    void theCallersSidecarRefusesAPeerWithAValidCertificateOfAnotherService() {
        Upstream app = processes.upstream("orders", "healthy");
        Sidecar impostor = calleeSidecar("payments", app);

        CallerRun run = processes.callerWithAgent(callerSidecar("checkout", impostor), "http://orders/orders/7");

        assertEquals("502", run.first().status(), run.output());
        assertEquals("peer-identity-mismatch", run.first().error(), run.output());
        assertEquals(0, app.count(), "no request may reach the app behind the wrong peer");
    }

    @Test
    void reissuingTheCalleesCertificateDuringSteadyTrafficFailsNoCall() {
        Upstream app = processes.upstream("orders", "healthy");
        Sidecar orders = calleeSidecar("orders", app);
        ChildProcess caller = processes.startCallerWithAgent(callerSidecar("checkout", orders),
                "http://orders/orders/7", "--duration", "8", "--rate", "50");
        caller.awaitLine(line -> line.startsWith("second=1 "), Processes.STARTUP);

        certificates.issue("orders");

        Eventually.assertThat(() -> assertTrue(
                orders.metrics().sum("outrigger_tls_reloads_total", "result", "ok") >= 1, orders.metrics()::toString));
        assertTrue(caller.isAlive(), "the certificate must be rotated while the caller still calls");
        assertEquals(ServedCertificate.inFile(certificates.certificate("orders")),
                ServedCertificate.at(orders.ports().inbound()), "new connections get the new certificate");
        CallerRun run = processes.finish(caller);
        assertTrue(run.calls().size() >= 8, "about one call per second at least; " + run.output());
        assertEquals(run.calls().size(), run.succeeded(), run.output());
        assertEquals(0, orders.metrics().sum("outrigger_tls_reloads_total", "result", "rejected"));
    }

    /** The sidecar of {@code service}, with its certificate, in front of {@code app}; only checkout may call it. */
    private Sidecar calleeSidecar(String service, Upstream app) {
        return processes.sidecar(service, SidecarPorts.pick(), "app: " + app.address() + "\n"
                + certificates.tlsFor(service) + """
                inbound:
                  mtls: strict
                  authorization:
                    - from: [checkout]
                      paths: ["/orders/**"]
                """);
    }

    /** The sidecar of the calling {@code service}, which reaches {@code orders} at {@code callee}'s inbound port. */
    private Sidecar callerSidecar(String service, Sidecar callee) {
        return processes.sidecar(service, SidecarPorts.pick(), certificates.tlsFor(service) + """
                services:
                  orders:
                    endpoints: [127.0.0.1:%d]
                    tls: mesh
                """.formatted(callee.ports().inbound()));
    }
}
