package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys Jynamo knows are the constants of JynamoProperties: none of them is reported as ignored. */
class KnownKeysTest {

    private static final String BUILDER = "io.jynamo.internal.bootstrap.FactoryBuilder";

    @Test
    void everyConstantOfJynamoPropertiesIsAKnownKey() throws IllegalAccessException {
        PersistenceConfiguration unit = new PersistenceConfiguration("tck-known-keys");
        unit.managedClass(User.class);
        unit.property(JynamoProperties.CLIENT, TestUnit.sharedClient());
        unit.property(JynamoProperties.TABLE_PREFIX, "never-created-");
        // Keys whose value a unit need not (or cannot usefully) set here still reach the check: a query hint, a
        // cache mode, the provider; the values are ones the parser takes.
        unit.property(JynamoProperties.INDEX_HINT, "byName");
        unit.property(JynamoProperties.CACHE_RETRIEVE_MODE, "USE");
        unit.property(JynamoProperties.CACHE_STORE_MODE, "USE");
        unit.property(JynamoProperties.PROVIDER, "io.jynamo.JynamoPersistenceProvider");
        unit.property("jakarta.persistence.jdbc.url", "jdbc:none");
        Logger logger = Logger.getLogger(BUILDER);
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        List<String> records;
        try {
            records = Logs.during(BUILDER, () -> unit.createEntityManagerFactory().close()).stream()
                    .map(LogRecord::getMessage).toList();
        } finally {
            logger.setLevel(before);
        }
        assertTrue(records.stream().anyMatch(r -> r.contains("jakarta.persistence.jdbc.url")),
                "a foreign key is reported at debug level: " + records);
        for (Field f : JynamoProperties.class.getFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
                String key = (String) f.get(null);
                assertTrue(records.stream().noneMatch(r -> r.contains("ignoring property " + key)),
                        key + " is reported as ignored: " + records);
            }
        }
    }
}
