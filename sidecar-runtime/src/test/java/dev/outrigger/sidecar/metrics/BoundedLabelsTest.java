package dev.outrigger.sidecar.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoundedLabelsTest {

    @Test
    void valuesBeyondTheLimitShareTheOverflowValue() {
        BoundedLabels labels = new BoundedLabels(2, "other");
        assertEquals("a", labels.of("a"));
        assertEquals("b", labels.of("b"));
        assertEquals("other", labels.of("c"));
        assertEquals("a", labels.of("a"));
        assertEquals("other", labels.of("d"));
    }
}
