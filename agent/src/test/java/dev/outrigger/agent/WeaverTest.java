package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeaverTest {
    private static final String PLANNER = FakePlanner.class.getName();

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.INFO, new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    void theAdviceReplacesTheLibrarysNoProxyAnswer() throws Exception {
        byte[] woven = transform(hook("java.lang.String", FakeAdvice.ToSidecar.class));

        assertEquals("sidecar-for-service-b", callDetermineProxy(woven, "service-b"));
        assertEquals(List.of("[outrigger-agent] Fake client: plain http:// calls go to the sidecar"), lines());
    }

    @Test
    void aFaultInsideTheAdviceLeavesTheLibrarysAnswer() throws Exception {
        byte[] woven = transform(hook("java.lang.String", FakeAdvice.Faulty.class));

        assertEquals(List.of("[outrigger-agent] Fake client: plain http:// calls go to the sidecar"), lines());
        assertNull(callDetermineProxy(woven, "service-b"));
    }

    @Test
    void aVersionWithoutTheExpectedMethodIsLeftAloneWithOneLogLine() throws Exception {
        assertNull(transform(hook("java.lang.Integer", FakeAdvice.ToSidecar.class)));

        assertEquals(1, lines().size(), lines()::toString);
        assertTrue(lines().get(0).contains("Fake client: not redirected, this version has no " + PLANNER
                + ".determineProxy returning java.lang.Integer"), lines()::toString);
    }

    @Test
    void anOverloadIsChosenByItsParameterTypes() throws Exception {
        ClientHook byParameters = new ClientHook("Fake client", PLANNER, "determineProxy", "java.lang.String",
                FakeAdvice.ToSidecar.class.getName(), List.of("java.lang.String"));
        ClientHook otherOverload = new ClientHook("Fake client", PLANNER, "determineProxy", "java.lang.String",
                FakeAdvice.ToSidecar.class.getName(), List.of("java.lang.Integer"));

        assertEquals("sidecar-for-service-b", callDetermineProxy(transform(byParameters), "service-b"));
        assertNull(transform(otherOverload));
        assertTrue(lines().get(1).contains("Fake client: not redirected, this version has no " + PLANNER
                + ".determineProxy[java.lang.Integer] returning java.lang.String"), lines()::toString);
    }

    @Test
    void aFailureWhileWeavingLeavesTheClassAsItIs() throws Exception {
        ClientHook missingAdvice = new ClientHook("Fake client", PLANNER, "determineProxy", "java.lang.String",
                "dev.outrigger.agent.NoSuchAdvice");

        assertNull(transform(missingAdvice));
        assertTrue(lines().get(0).contains("Fake client: not redirected, weaving " + PLANNER + " failed"), lines()::toString);
    }

    @Test
    void otherClassesAndRedefinitionsAreNotTouched() throws Exception {
        LazyWeaver weaver = new LazyWeaver(List.of(hook("java.lang.String", FakeAdvice.ToSidecar.class)), log);
        byte[] bytes = classFile();

        assertNull(weaver.transform(getClass().getClassLoader(), "dev/outrigger/agent/Other", null, null, bytes));
        assertNull(weaver.transform(getClass().getClassLoader(), internalName(), FakePlanner.class, null, bytes));
        assertEquals(List.of(), lines());
    }

    private static ClientHook hook(String returnType, Class<?> advice) {
        return new ClientHook("Fake client", PLANNER, "determineProxy", returnType, advice.getName());
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

    /** Defines the woven class in a loader of its own, as a library's class loader would, and calls it. */
    private static Object callDetermineProxy(byte[] woven, String target) throws Exception {
        Class<?> planner = new ClassLoader(WeaverTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(PLANNER, woven, 0, woven.length);
            }
        }.define();
        Object instance = planner.getConstructor().newInstance();
        return planner.getMethod("determineProxy", String.class).invoke(instance, target);
    }

    private List<String> lines() {
        return logged.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
