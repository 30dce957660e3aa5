package dev.outrigger.agent.advice;

import java.net.ProxySelector;
import java.net.http.HttpRequest;
import java.util.function.BiFunction;
import net.bytebuddy.asm.Advice;

/**
 * On entry of the JDK HttpClient's one private {@code sendAsync} that {@code send} and every public
 * {@code sendAsync} go through: the request is replaced by what the agent's selector makes of it (today, a copy
 * with the call's signals for the sidecar). Woven into {@code java.net.http}, which cannot see the agent's classes,
 * so it reaches the agent through the selector this client uses, as a JDK {@link BiFunction}; a client built with
 * the app's own proxy selector is left alone.
 */
public final class JdkHttpClientRequestAdvice {

    private JdkHttpClientRequestAdvice() {
    }

    @SuppressWarnings("unchecked")
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void rewrite(@Advice.FieldValue("proxySelector") ProxySelector selector,
                        @Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
        if (selector instanceof BiFunction) {
            Object rewritten = ((BiFunction<Object, Object, Object>) selector).apply(request, null);
            if (rewritten instanceof HttpRequest) {
                request = (HttpRequest) rewritten;
            }
        }
    }
}
