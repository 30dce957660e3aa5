package dev.outrigger.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The packaged jar is what users get: a self-contained agent that brings nothing else onto the class path. */
class AgentJarIT {

    @Test
    void manifestNamesTheAgentEntryPoints() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR)) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals(OutriggerAgent.class.getName(), manifest.getValue("Premain-Class"));
            assertEquals(OutriggerAgent.class.getName(), manifest.getValue("Agent-Class"));
        }
    }

    @Test
    void holdsOnlyOutriggerClassesIncludingTheBootstrapModule() throws IOException {
        try (JarFile jar = new JarFile(ChildJvm.AGENT_JAR)) {
            List<String> foreign = jar.stream().map(JarEntry::getName)
                    .filter(name -> !name.startsWith("META-INF/") && !name.startsWith("dev/outrigger/"))
                    .filter(name -> !name.equals("dev/"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), foreign);
            assertNotNull(jar.getEntry("dev/outrigger/bootstrap/SidecarProxySelector.class"));
            assertNotNull(jar.getEntry("dev/outrigger/agent/shaded/asm/ClassReader.class"), "ASM, relocated");
            assertTrue(jar.stream().noneMatch(entry -> entry.getName().startsWith("META-INF/maven/")));
        }
    }
}
