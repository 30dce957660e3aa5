package dev.outrigger.agent.advice;

import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.Map;
import java.util.function.BiFunction;
import net.bytebuddy.asm.Advice;

/**
 * On entry of {@code sun.net.www.protocol.http.HttpURLConnection.writeRequests()}, each time a request (or a retry
 * or redirect of it) is about to be written: when it goes through a proxy the app did not choose, the agent's
 * selector says which headers the sidecar should get, and they are set on the request about to be written (set,
 * not added, so a second write does not repeat them). Woven into {@code java.base}, so it reaches the agent through
 * the default selector as a JDK {@link BiFunction}, and the JDK's internal header list by reflection, which the
 * JDK's own package may do.
 */
public final class UrlConnectionSignalsAdvice {

    private UrlConnectionSignalsAdvice() {
    }

    @SuppressWarnings("unchecked")
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void addSignals(@Advice.This HttpURLConnection connection,
                           @Advice.FieldValue("instProxy") Proxy appProxy,
                           @Advice.FieldValue("requests") Object requests,
                           @Advice.FieldValue("fixedContentLength") int fixedLength,
                           @Advice.FieldValue("fixedContentLengthLong") long fixedLengthLong,
                           @Advice.FieldValue("chunkLength") int chunkLength)
            throws ReflectiveOperationException {
        ProxySelector selector = ProxySelector.getDefault();
        if (appProxy == null && selector instanceof BiFunction && connection.usingProxy()) {
            boolean streams = fixedLength != -1 || fixedLengthLong != -1 || chunkLength != -1;
            Object headers = ((BiFunction<Object, Object, Object>) selector).apply(connection, streams);
            if (headers instanceof Map && !((Map<?, ?>) headers).isEmpty()) {
                Method set = requests.getClass().getMethod("set", String.class, String.class);
                for (Map.Entry<?, ?> header : ((Map<?, ?>) headers).entrySet()) {
                    set.invoke(requests, header.getKey(), header.getValue());
                }
            }
        }
    }
}
