package dev.outrigger.sidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "2s, 2000", "1.5s, 1500", "1m, 60000", "1h, 3600000", "0.25m, 15000", "90s, 90000"})
    void parsesDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Units.parseDuration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "2 s", "2S", "-1s", "1d", "ms", "1.s", "0ms", "0.0001s", "99999999999999999999h"})
    void rejectsBadDurations(String text) {
        assertThrows(IllegalArgumentException.class, () -> Units.parseDuration(text));
    }

    @ParameterizedTest
    @CsvSource({"500, 500ms", "2000, 2s", "1500, 1500ms", "60000, 1m", "90000, 90s", "7200000, 2h"})
    void formatsDurationsInTheLargestExactUnit(long millis, String text) {
        assertEquals(text, Units.formatDuration(Duration.ofMillis(millis)));
    }

    @ParameterizedTest
    @CsvSource({"1000, 1000", "100B, 100", "8KiB, 8192", "1MiB, 1048576", "2047MiB, 2146435072"})
    void parsesSizes(String text, int bytes) {
        assertEquals(bytes, Units.parseSize(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8KB", "8 KiB", "1.5KiB", "0", "2048MiB", "-1", "1GiB", "KiB"})
    void rejectsBadSizes(String text) {
        assertThrows(IllegalArgumentException.class, () -> Units.parseSize(text));
    }

    @ParameterizedTest
    @CsvSource({"1000, 1000", "8192, 8KiB", "1048576, 1MiB", "1536, 1536", "3145728, 3MiB"})
    void formatsSizesInTheLargestExactUnit(int bytes, String text) {
        assertEquals(text, Units.formatSize(bytes));
    }

    @ParameterizedTest
    @CsvSource({"20%, 0.2", "0.2, 0.2", "12.5%, 0.125", "100%, 1.0", "0%, 0.0", "1, 1.0"})
    void parsesFractions(String text, double fraction) {
        assertEquals(fraction, Units.parseFraction(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"twenty", "20 %", "%", "20%%"})
    void rejectsBadFractions(String text) {
        assertThrows(IllegalArgumentException.class, () -> Units.parseFraction(text));
    }

    @ParameterizedTest
    @CsvSource({"0.2, 20%", "0.125, 12.5%", "1.0, 100%", "0.0, 0%", "0.01, 1%"})
    void formatsPercentages(double fraction, String text) {
        assertEquals(text, Units.formatPercent(fraction));
    }
}
