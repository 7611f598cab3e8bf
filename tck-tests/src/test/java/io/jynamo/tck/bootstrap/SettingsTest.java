package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoProperties;
import io.jynamo.internal.config.DirtyChecking;
import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Logs;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting is read by one strict parser (issue 8, item 11): a value it does not take fails the
 * factory with one wording that names the key, the value and what is expected; nothing is guessed.
 */
class SettingsTest {

    private static PersistenceConfiguration unit(Map<String, Object> properties) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("tck-settings");
        configuration.managedClass(User.class);
        configuration.property(JynamoProperties.CLIENT, TestUnit.sharedClient());
        configuration.property(JynamoProperties.TABLE_PREFIX, "never-created-");
        properties.forEach(configuration::property);
        return configuration;
    }

    private static EntityManagerFactoryImpl factory(Map<String, Object> properties) {
        EntityManagerFactory emf = unit(properties).createEntityManagerFactory();
        emf.close();
        return emf.unwrap(EntityManagerFactoryImpl.class);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            jynamo.consistent-read     | maybe            | true or false
            jynamo.consistent-read     | yes              | true or false
            jynamo.consistent-read     | 1                | true or false
            jynamo.consistent-read     | ''               | true or false
            jynamo.retry.max-attempts  | 0                | a whole number from 1 to 1000
            jynamo.retry.max-attempts  | 1e3              | a whole number from 1 to 1000
            jynamo.retry.max-attempts  | 99999999999999999999 | a whole number from 1 to 1000
            jynamo.retry.base-millis   | -1               | a whole number from 0 to 60000
            jynamo.retry.base-millis   | 1e-400           | a whole number from 0 to 60000
            jynamo.retry.base-millis   | 2.5              | a whole number from 0 to 60000
            jynamo.retry.max-millis    | -1               | a whole number from 0 to 86400000
            jynamo.retry.max-millis    | 86400001         | a whole number from 0 to 86400000
            jynamo.dirty-checking      | sometimes        | one of TRACKING, SNAPSHOT (any case)
            jynamo.write-mode          | bulk             | one of BATCH, ATOMIC (any case)
            jynamo.update-mode         | merge            | one of PUT, PATCH (any case)
            jynamo.scan                | never            | one of ALLOW, WARN, DENY (any case)
            jynamo.cache.max-items     | -1               | a whole number from 0 to 9223372036854775807
            jynamo.cache.ttl-seconds   | 0                | a whole number from 1 to 9223372036854775807
            jakarta.persistence.schema-generation.database.action | create-or-drop | one of none, create, drop-and-create, drop, update (any case)
            jakarta.persistence.sharedCache.mode | SOME  | one of ALL, NONE, ENABLE_SELECTIVE, DISABLE_SELECTIVE, UNSPECIFIED (any case)
            """)
    void aValueTheParserDoesNotTakeFailsTheFactoryNamingKeyValueAndWhatIsExpected(String key, String value, String expected) {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> unit(Map.of(key, value)).createEntityManagerFactory());
        assertEquals("Invalid value '" + value + "' for property " + key + ": expected " + expected, e.getMessage());
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() {
        assertFalse(factory(Map.of(JynamoProperties.CONSISTENT_READ, "FALSE")).consistentReads());
        assertTrue(factory(Map.of(JynamoProperties.CONSISTENT_READ, " True ")).consistentReads());
        assertFalse(factory(Map.of(JynamoProperties.CONSISTENT_READ, Boolean.FALSE)).consistentReads());
        assertTrue(factory(Map.of()).consistentReads());
    }

    @Test
    void retrySettingsReachTheRetryBudget() {
        EntityManagerFactoryImpl emf = factory(Map.of(JynamoProperties.RETRY_MAX_ATTEMPTS, "3",
                JynamoProperties.RETRY_BASE_MILLIS, 5L, JynamoProperties.RETRY_MAX_MILLIS, "0"));
        assertEquals(3, retryOf(emf).maxAttempts());
        assertEquals(5, retryOf(emf).baseMillis());
        assertEquals(0, retryOf(emf).maxMillis());
        assertEquals(20_000, retryOf(factory(Map.of())).maxMillis());
    }

    private static io.jynamo.internal.dynamo.Retry retryOf(EntityManagerFactoryImpl emf) {
        return emf.retry();
    }

    @Test
    void dirtyCheckingIsTrackingUnlessSnapshotIsAsked() {
        assertEquals(DirtyChecking.TRACKING, factory(Map.of()).dirtyChecking());
        assertEquals(DirtyChecking.SNAPSHOT,
                factory(Map.of(JynamoProperties.DIRTY_CHECKING, "Snapshot")).dirtyChecking());
    }

    @Test
    void everyKeyIsAConstantOfJynamoProperties() {
        assertEquals("jynamo.consistent-read", JynamoProperties.CONSISTENT_READ);
        assertEquals("jynamo.retry.max-attempts", JynamoProperties.RETRY_MAX_ATTEMPTS);
        assertEquals("jynamo.retry.base-millis", JynamoProperties.RETRY_BASE_MILLIS);
        assertEquals("jynamo.retry.max-millis", JynamoProperties.RETRY_MAX_MILLIS);
        assertEquals("jynamo.dirty-checking", JynamoProperties.DIRTY_CHECKING);
    }

    @Test
    void anUnknownJynamoKeyIsWarnedAboutByName() {
        List<LogRecord> records = Logs.during("io.jynamo.internal.bootstrap.FactoryBuilder",
                () -> factory(Map.of("jynamo.consistant-read", "false", "hibernate.show_sql", "true")));
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("jynamo.consistant-read")), records.toString());
        assertFalse(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("hibernate.show_sql")));
    }
}
