package dev.outrigger.sidecar.config;

import java.util.Locale;

/** Enum constants as the config writes them: {@code ROUND_ROBIN} is {@code round-robin}. */
final class YamlNames {

    private YamlNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
