package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A jar holding a persistence.xml, rewritten between two factories of one JVM (the official TCK does
 * this): the second factory reads the new file, not the JVM's cached copy of the old jar.
 */
class RewrittenJarTest {

    @TempDir
    Path dir;

    private static String unit(String name, int padding) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
                  <!-- %s -->
                  <persistence-unit name="%s">
                    <provider>io.jynamo.JynamoPersistenceProvider</provider>
                    <class>io.jynamo.tck.model.User</class>
                    <exclude-unlisted-classes>true</exclude-unlisted-classes>
                  </persistence-unit>
                </persistence>
                """.formatted("x".repeat(padding), name);
    }

    private void writeJar(Path jar, String persistenceXml) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/persistence.xml"));
            j.write(persistenceXml.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }

    private static String open(Path jar, String unit) throws IOException {
        Map<String, Object> properties = Map.of(JynamoProperties.CLIENT, TestUnit.sharedClient(),
                JynamoProperties.TABLE_PREFIX, "never-created-", JynamoProperties.SCHEMA_ACTION, "none");
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RewrittenJarTest.class.getClassLoader());
        t.setContextClassLoader(loader);
        // The loader is left open, as a container keeps its class loaders: the JVM's jar cache stays warm.
        try (EntityManagerFactory emf = Persistence.createEntityManagerFactory(unit, properties)) {
            return emf.getName();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    @Test
    void aPersistenceXmlInAJarRewrittenBetweenTwoFactoriesIsReadAnew() throws IOException {
        Path jar = dir.resolve("units.jar");
        writeJar(jar, unit("tck-jar-first", 10));
        assertEquals("tck-jar-first", open(jar, "tck-jar-first"));
        writeJar(jar, unit("tck-jar-second", 5_000));
        assertEquals("tck-jar-second", open(jar, "tck-jar-second"));
    }
}
