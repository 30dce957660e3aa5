package dev.outrigger.sidecar.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpiffeIdTest {

    @Test
    void parsesTrustDomainAndPath() {
        SpiffeId id = SpiffeId.parse("spiffe://outrigger.local/orders");
        assertEquals(new SpiffeId("outrigger.local", "/orders"), id);
        assertEquals("orders", id.service());
        assertEquals("spiffe://outrigger.local/orders", id.toString());
        assertEquals(id, SpiffeId.ofService("outrigger.local", "orders"));
    }

    @Test
    void keepsNestedPaths() {
        SpiffeId id = SpiffeId.parse("spiffe://prod.example_1/ns/shop/sa/orders-v2");
        assertEquals("prod.example_1", id.trustDomain());
        assertEquals("ns/shop/sa/orders-v2", id.service());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://outrigger.local/orders", "SPIFFE://outrigger.local/orders", "spiffe:/outrigger.local/orders",
            "spiffe://", "spiffe://outrigger.local", "spiffe://outrigger.local/", "spiffe:///orders",
            "spiffe://Outrigger.local/orders", "spiffe://outrigger.local:443/orders", "spiffe://me@outrigger.local/orders",
            "spiffe://outrigger.local/orders/", "spiffe://outrigger.local//orders", "spiffe://outrigger.local/a/../orders",
            "spiffe://outrigger.local/./orders", "spiffe://outrigger.local/ord%65rs", "spiffe://outrigger.local/orders?x=1",
            "spiffe://outrigger.local/orders#x", "spiffe://outrigger.local/or ders"})
    void rejectsWhatIsNotASpiffeId(String uri) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpiffeId.parse(uri));
        assertTrue(e.getMessage().contains(uri), e.getMessage());
    }

    @Test
    void rejectsOverlongIds() {
        String uri = "spiffe://outrigger.local/" + "a".repeat(2048);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpiffeId.parse(uri)).getMessage()
                .contains("longer than 2048"));
    }

    @Test
    void readsTheOneUriSanOfACertificate() {
        SpiffeId id = SpiffeId.ofService("outrigger.local", "orders");
        assertEquals(id, SpiffeId.of(TestPki.builder(id).build(null).certificate()));
    }

    @Test
    void certificateWithoutUriSanHasNoIdentity() {
        var certificate = CertificateBuilder.workload("orders", Instant.now(),
                Instant.now().plusSeconds(60)).dns("orders").build(null).certificate();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpiffeId.of(certificate)).getMessage()
                .contains("has 0"));
    }

    @Test
    void certificateWithTwoUriSansHasNoIdentity() {
        var certificate = TestPki.builder(SpiffeId.ofService("outrigger.local", "orders"))
                .uri("spiffe://outrigger.local/payments").build(null).certificate();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpiffeId.of(certificate)).getMessage()
                .contains("has 2"));
    }

    @Test
    void certificateWhoseUriIsNotSpiffeHasNoIdentity() {
        var certificate = CertificateBuilder.workload("orders", Instant.now(),
                Instant.now().plusSeconds(60)).uri("https://orders.example").build(null).certificate();
        assertThrows(IllegalArgumentException.class, () -> SpiffeId.of(certificate));
    }
}
