package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.function.BiFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import dev.outrigger.bootstrap.Hooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WeaverTest {
    private static final String PLANNER = FakePlanner.class.getName();

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.INFO, new PrintStream(logged, true, StandardCharsets.UTF_8));

    @BeforeEach
    void warningsToTheLog() {
        Hooks.warnTo(log.warnings());
    }

    @Test
    void theHookReplacesTheLibrarysNoProxyAnswer() throws Exception {
        byte[] woven = transform(hook("java.lang.String", FakeHooks.ToSidecar.class));

        assertEquals("sidecar-for-service-b", callDetermineProxy(define(woven), "service-b"));
        assertEquals(List.of("[outrigger-agent] Fake client: plain http:// calls go to the sidecar"), lines());
    }

    @Test
    void twoHooksOnOneClassAreBothWovenInTheirOrder() throws Exception {
        ClientHook second = hook("java.lang.String", FakeHooks.Marks.class).withEffect("answers are marked");
        byte[] woven = new LazyWeaver(List.of(hook("java.lang.String", FakeHooks.ToSidecar.class), second), log)
                .transform(getClass().getClassLoader(), internalName(), null, null, classFile());

        assertEquals("sidecar-for-service-b+marked", callDetermineProxy(define(woven), "service-b"));
        assertEquals(List.of("[outrigger-agent] Fake client: plain http:// calls go to the sidecar",
                "[outrigger-agent] Fake client: answers are marked"), lines());
    }

    @Test
    void anExitHookOnABooleanMethodTakesAndGivesItsAnswerBoxed() throws Exception {
        ClientHook hook = new ClientHook("Fake client", PLANNER, "requiresTunnel", "boolean",
                FakeHooks.NoTunnel.class.getName());
        Class<?> planner = define(transform(hook));

        Object instance = planner.getConstructor().newInstance();
        Method requiresTunnel = planner.getMethod("requiresTunnel", String.class);
        assertEquals(true, requiresTunnel.invoke(instance, "https://elsewhere/x"));
        assertEquals(false, requiresTunnel.invoke(instance, "https://opted-in/x"));
        assertEquals(false, requiresTunnel.invoke(instance, "http://elsewhere/x"));
    }

    @Test
    void anEnterHookReplacesTheFirstArgumentOfTheOverloadItNames() throws Exception {
        ClientHook hook = new ClientHook("Fake client", PLANNER, "send", "java.lang.String",
                FakeHooks.RewriteRequest.class.getName()).withParameters("java.lang.String", "int");
        Class<?> planner = define(transform(hook));

        Object instance = planner.getConstructor().newInstance();
        assertEquals("sent GET /x via the sidecar",
                planner.getMethod("send", String.class, int.class).invoke(instance, "GET /x", 1));
    }

    @Test
    void anEnterHookCanBePassedLaterArgumentsInsteadOfThisAndTheSecond() throws Exception {
        ClientHook hook = new ClientHook("Fake client", PLANNER, "exchange", "java.lang.String",
                FakeHooks.RewriteWithRoute.class.getName()).passing(2, 3);
        Class<?> planner = define(transform(hook));

        Object instance = planner.getConstructor().newInstance();
        assertEquals("sent GET /x via sidecar in context-1", planner.getMethod("exchange", String.class, long.class,
                String.class, String.class).invoke(instance, "GET /x", 7L, "sidecar", "context-1"));
    }

    @Test
    void aHookInAClassThatCannotSeeTheAgentGoesThroughTheDefaultSelector() throws Exception {
        ClientHook hook = new ClientHook("Fake JDK client", PLANNER, "pad", "java.lang.String",
                ClientHook.THROUGH_DEFAULT_SELECTOR);
        Class<?> planner = define(transform(hook));
        Object instance = planner.getConstructor().newInstance();
        ProxySelector usual = ProxySelector.getDefault();
        try {
            assertEquals("ab..", planner.getMethod("pad", String.class).invoke(instance, "ab"), "not a BiFunction");
            ProxySelector.setDefault(new RewritingSelector());
            assertEquals("ab via the agent.", planner.getMethod("pad", String.class).invoke(instance, "ab"));
        } finally {
            ProxySelector.setDefault(usual);
        }
    }

    /** Stands in for the agent's selector, which JDK classes reach as a {@code BiFunction}. */
    private static final class RewritingSelector extends ProxySelector implements BiFunction<Object, Object, Object> {
        @Override
        public Object apply(Object self, Object firstArgument) {
            return self.getClass().getName().equals(PLANNER) ? firstArgument + " via the agent" : firstArgument;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        }
    }

    @Test
    void anOverloadWithOtherParametersIsLeftAlone() throws Exception {
        ClientHook hook = new ClientHook("Fake client", PLANNER, "send", "java.lang.String",
                FakeHooks.RewriteRequest.class.getName()).withParameters("java.lang.String");

        assertNull(transform(hook));
        assertTrue(lines().get(0).contains("this version has no " + PLANNER + ".send[java.lang.String] returning"),
                lines()::toString);
    }

    @Test
    void aFaultInsideTheHookLeavesTheLibrarysAnswerWithOneWarning() throws Exception {
        byte[] woven = transform(hook("java.lang.String", FakeHooks.Faulty.class));

        Class<?> planner = define(woven);
        assertNull(callDetermineProxy(planner, "service-b"));
        assertNull(callDetermineProxy(planner, "service-c"));
        assertEquals(2, lines().size(), lines()::toString);
        assertTrue(lines().get(1).contains(PLANNER + ": hook failed, its calls go as without the agent: "
                + "java.lang.IllegalStateException: fault inside the agent"), lines()::toString);
    }

    @Test
    void aHookThatCannotStartLeavesTheLibrarysAnswerWithOneWarning() throws Exception {
        byte[] woven = transform(hook("java.lang.String", FakeHooks.BrokenAtStart.class));

        Class<?> planner = define(woven);
        assertNull(callDetermineProxy(planner, "service-b"));
        assertNull(callDetermineProxy(planner, "service-c"));
        assertEquals(2, lines().size(), lines()::toString);
        assertTrue(lines().get(1).contains("ExceptionInInitializerError"), lines()::toString);
    }

    @Test
    void aVersionWithoutTheExpectedMethodIsLeftAloneWithOneLogLine() throws Exception {
        assertNull(transform(hook("java.lang.Integer", FakeHooks.ToSidecar.class)));

        assertEquals(1, lines().size(), lines()::toString);
        assertTrue(lines().get(0).contains("Fake client: not redirected, this version has no " + PLANNER
                + ".determineProxy returning java.lang.Integer"), lines()::toString);
    }

    @Test
    void aHookOtherVersionsHaveElsewhereSaysSoWithoutAWarning() throws Exception {
        assertNull(transform(hook("java.lang.Integer", FakeHooks.ToSidecar.class).asOneOfVersions()));

        assertEquals(List.of("[outrigger-agent] Fake client: not woven, no " + PLANNER
                + ".determineProxy returning java.lang.Integer, which is another version's"), lines());
    }

    @Test
    void aHookThatDoesNotRedirectSaysWhatTheLibraryGoesWithoutWhenItsMethodIsMissing() throws Exception {
        assertNull(transform(hook("java.lang.Integer", FakeHooks.Marks.class).withEffect("answers are marked")));

        assertEquals(List.of("[outrigger-agent] WARN Fake client: left alone, so not: answers are marked, this version "
                + "has no " + PLANNER + ".determineProxy returning java.lang.Integer"), lines());
    }

    @Test
    void aFailureWhileWeavingLeavesTheClassAsItIs() throws Exception {
        ClientHook missingHook = new ClientHook("Fake client", PLANNER, "determineProxy", "java.lang.String",
                "dev.outrigger.agent.NoSuchHook");

        assertNull(transform(missingHook));
        assertTrue(lines().get(0).contains("Fake client: not redirected, weaving " + PLANNER + " failed"), lines()::toString);
    }

    @Test
    void otherClassesAndRedefinitionsAreNotTouched() throws Exception {
        LazyWeaver weaver = new LazyWeaver(List.of(hook("java.lang.String", FakeHooks.ToSidecar.class)), log);
        byte[] bytes = classFile();

        assertNull(weaver.transform(getClass().getClassLoader(), "dev/outrigger/agent/Other", null, null, bytes));
        assertNull(weaver.transform(getClass().getClassLoader(), internalName(), FakePlanner.class, null, bytes));
    }

    @Test
    void anotherClassOfTheLibraryStartsTheWeaveOnABackgroundThreadWhichLogsOnlyWhenTheClassLoads() throws Exception {
        LazyWeaver weaver = new LazyWeaver(List.of(hook("java.lang.String", FakeHooks.ToSidecar.class)), log);
        weaver.transform(getClass().getClassLoader(), "dev/outrigger/agent/Other", null, null, new byte[0]);

        Thread ahead = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("outrigger-weave-ahead")).findFirst().orElse(null);
        if (ahead != null) {
            ahead.join();
        }
        assertEquals(List.of(), lines(), "nothing logged for a class that has not loaded");
        byte[] woven = weaver.transform(getClass().getClassLoader(), internalName(), null, null, classFile());

        assertEquals("sidecar-for-service-b", callDetermineProxy(define(woven), "service-b"));
        assertEquals(List.of("[outrigger-agent] Fake client: plain http:// calls go to the sidecar"), lines());
    }

    @Test
    void bytesChangedSinceTheyWereReadAheadAreWovenAsHandedOver() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        byte[] changedByAnotherAgent = new LazyWeaver(List.of(hook("java.lang.String", FakeHooks.Marks.class)), log)
                .transform(loader, internalName(), null, null, classFile());
        LazyWeaver weaver = new LazyWeaver(List.of(hook("java.lang.String", FakeHooks.ToSidecar.class)), log);
        weaver.transform(loader, "dev/outrigger/agent/Other", null, null, new byte[0]);

        byte[] woven = weaver.transform(loader, internalName(), null, null, changedByAnotherAgent);

        assertEquals("null+marked", callDetermineProxy(define(woven), "service-b"), "both hooks, Marks first");
    }

    private static ClientHook hook(String returnType, Class<?> hook) {
        return new ClientHook("Fake client", PLANNER, "determineProxy", returnType, hook.getName());
    }

    private byte[] transform(ClientHook hook) throws IOException {
        return new LazyWeaver(List.of(hook), log).transform(getClass().getClassLoader(), internalName(), null, null,
                classFile());
    }

    private static String internalName() {
        return PLANNER.replace('.', '/');
    }

    private static byte[] classFile() throws IOException {
        try (InputStream in = FakePlanner.class.getResourceAsStream("FakePlanner.class")) {
            return in.readAllBytes();
        }
    }

    /** Defines the woven class in a loader of its own, as a library's class loader would. */
    private static Class<?> define(byte[] woven) {
        return new ClassLoader(WeaverTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(PLANNER, woven, 0, woven.length);
            }
        }.define();
    }

    private static Object callDetermineProxy(Class<?> planner, String target) throws Exception {
        Object instance = planner.getConstructor().newInstance();
        return planner.getMethod("determineProxy", String.class).invoke(instance, target);
    }

    private List<String> lines() {
        return logged.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
