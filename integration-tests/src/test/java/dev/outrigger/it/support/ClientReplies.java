package dev.outrigger.it.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a client sample printed, per call (see {@code ClientSuite}): each call's lines after its {@code --- CALL}. */
public final class ClientReplies {

    private ClientReplies() {
    }

    /** @return each call as the app was given it, to the lines it printed for that call, in order */
    public static Map<String, String> of(String stdout) {
        Map<String, String> replies = new LinkedHashMap<>();
        String request = null;
        for (String line : stdout.split("\n")) {
            if (line.startsWith("--- ")) {
                request = line.substring(4);
                replies.put(request, "");
            } else if (request != null) {
                replies.merge(request, line + "\n", String::concat);
            }
        }
        return replies;
    }
}
