package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A malformed persistence.xml earlier on the class path (issue 8, item 14) is reported and skipped:
 * it does not block a valid unit in a later one, and is named in the error only when the unit asked
 * for is found nowhere.
 */
class MalformedPersistenceXmlTest {

    private static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
              <persistence-unit name="tck-after-broken">
                <provider>io.jynamo.JynamoPersistenceProvider</provider>
                <class>io.jynamo.tck.model.User</class>
                <exclude-unlisted-classes>true</exclude-unlisted-classes>
              </persistence-unit>
            </persistence>
            """;

    private static final String MALFORMED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.2">
              <persistence-unit name="tck-broken-file">
                <class>io.jynamo.tck.model.User</class>
              </persistence-unt>
            </persistence>
            """;

    @TempDir
    Path dir;

    /** Two class path roots, each with a META-INF/persistence.xml: the malformed one first. */
    private URLClassLoader twoRoots() throws IOException {
        URL broken = root("broken", MALFORMED);
        URL valid = root("valid", VALID);
        return new URLClassLoader(new URL[] {broken, valid}, MalformedPersistenceXmlTest.class.getClassLoader());
    }

    private URL root(String name, String xml) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("META-INF"));
        Files.writeString(root.resolve("META-INF/persistence.xml"), xml);
        return root.toUri().toURL();
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    private static Map<String, Object> properties() {
        return Map.of(JynamoProperties.CLIENT, TestUnit.sharedClient(),
                JynamoProperties.TABLE_PREFIX, "never-created-", JynamoProperties.SCHEMA_ACTION, "none");
    }

    /** The warnings PersistenceXml logs while work runs. */
    private static List<String> warnings(Runnable work) {
        return Logs.during("io.jynamo.internal.bootstrap.PersistenceXml", work).stream()
                .filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    @Test
    void aValidUnitAfterAMalformedFileBootstrapsAndTheMalformedFileIsReported() throws IOException {
        try (URLClassLoader loader = twoRoots()) {
            List<String> warned = warnings(() -> {
                EntityManagerFactory emf = withContextLoader(loader,
                        () -> Persistence.createEntityManagerFactory("tck-after-broken", properties()));
                try {
                    assertEquals("tck-after-broken", emf.getName());
                } finally {
                    emf.close();
                }
            });
            String brokenUrl = dir.resolve("broken").toUri().toURL() + "META-INF/persistence.xml";
            assertTrue(warned.stream().anyMatch(w -> w.contains(brokenUrl) && w.contains("line 5")
                    && w.contains("must be terminated")), warned.toString());
        }
    }

    @Test
    void aUnitFoundNowhereNamesTheSkippedMalformedFileAndItsError() throws IOException {
        try (URLClassLoader loader = twoRoots()) {
            PersistenceException e = assertThrows(PersistenceException.class, () -> withContextLoader(loader,
                    () -> Persistence.createEntityManagerFactory("tck-nowhere", properties())));
            String m = e.getMessage();
            assertTrue(m.contains("'tck-nowhere'"), m);
            assertTrue(m.contains(dir.resolve("broken").toUri().toURL() + "META-INF/persistence.xml at line 5"), m);
            assertTrue(m.contains("must be terminated"), m);
        }
    }
}
