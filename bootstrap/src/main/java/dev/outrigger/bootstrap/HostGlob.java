package dev.outrigger.bootstrap;

import java.util.Locale;
import java.util.regex.Pattern;

/** A case-insensitive host pattern where {@code *} stands for any run of characters, dots included. */
public final class HostGlob {
    private final String glob;
    private final Pattern pattern;

    public HostGlob(String glob) {
        this.glob = glob;
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        this.pattern = Pattern.compile(regex.toString());
    }

    /** @param host a host name already in lower case */
    public boolean matches(String host) {
        return pattern.matcher(host).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
