package dev.outrigger.bootstrap;

import java.util.List;

/**
 * Finds the class whose code made an HTTP call: the first frame on the stack that belongs neither to the JDK, nor
 * to a known HTTP client library, nor to Outrigger. Walking the stack costs microseconds, hence an agent option.
 */
final class CallingClass {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final List<String> NOT_THE_APP = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.outrigger.bootstrap.", "dev.outrigger.agent.",
            "okhttp3.", "okio.", "org.apache.http.", "org.apache.hc.", "org.eclipse.jetty.", "reactor.", "io.netty.",
            "io.vertx.", "feign.", "retrofit2.", "kotlin.", "kotlinx.",
            "org.springframework.http.", "org.springframework.web.client.",
            "org.springframework.web.reactive.function.client.");

    private CallingClass() {
    }

    /** @return the calling class's name, or null when every frame is the JDK's or a library's */
    static String find() {
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(CallingClass::isApp)
                .findFirst()
                .orElse(null));
    }

    static boolean isApp(String className) {
        for (String prefix : NOT_THE_APP) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
