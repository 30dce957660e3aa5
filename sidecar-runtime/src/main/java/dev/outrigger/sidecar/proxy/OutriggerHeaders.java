package dev.outrigger.sidecar.proxy;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The {@code x-outrigger-*} headers: only Outrigger speaks in them, and none of them leaves the hop it is for. */
public final class OutriggerHeaders {

    private static final String PREFIX = "x-outrigger-";

    private OutriggerHeaders() {
    }

    /** Removes every header whose name starts with {@code x-outrigger-}, in any case. */
    public static void strip(HttpHeaders headers) {
        List<CharSequence> ours = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            CharSequence name = entries.next().getKey();
            if (AsciiString.regionMatches(name, true, 0, PREFIX, 0, PREFIX.length())) {
                if (ours == null) {
                    ours = new ArrayList<>(4);
                }
                ours.add(name);
            }
        }
        if (ours != null) {
            ours.forEach(headers::remove);
        }
    }
}
