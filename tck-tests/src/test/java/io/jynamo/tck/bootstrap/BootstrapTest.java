package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoPersistenceProvider;
import io.jynamo.JynamoProperties;
import io.jynamo.local.LocalDynamo;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.LoadState;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.PersistenceUnitTransactionType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bootstrap, JPA 3.2 chapter 8 (persistence.xml) and 9 (PersistenceProvider, Persistence,
 * PersistenceConfiguration), plus Jynamo's endpoint and client properties.
 */
class BootstrapTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A table prefix of this test's own, so that units never share tables. */
    private static String prefix() {
        return "b" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-";
    }

    /** Properties for a unit from persistence.xml: own prefix, fresh tables. */
    private static Map<String, Object> fresh(String prefix) {
        Map<String, Object> map = new HashMap<>();
        map.put(JynamoProperties.TABLE_PREFIX, prefix);
        map.put(JynamoProperties.SCHEMA_ACTION, "drop-and-create");
        return map;
    }

    private static boolean tableExists(String name) {
        try {
            TestUnit.sharedClient().describeTable(b -> b.tableName(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** Persists and reads back a user: proves the factory talks to a working engine. */
    private static void roundTrip(EntityManagerFactory emf) {
        emf.runInTransaction(em -> em.persist(new User("boot@x", "Boot", "Strap")));
        assertEquals("Boot", emf.callInTransaction(em -> em.find(User.class, "boot@x")).getFirstName());
    }

    private static void dropAndClose(EntityManagerFactory emf) {
        emf.getSchemaManager().drop(true);
        emf.close();
    }

    private static void withContextLoader(ClassLoader loader, Runnable work) {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            work.run();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    // ---- persistence.xml (JPA 3.2 section 8.2) ------------------------------------------------------

    @Test
    void persistenceXmlOfSchema32NamingJynamoBootstraps() {
        String prefix = prefix();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("tck-bootstrap", fresh(prefix));
        try {
            assertTrue(emf.isOpen());
            assertEquals("tck-bootstrap", emf.getName());
            roundTrip(emf);
            assertTrue(tableExists(prefix + "dynamodb-user"));
            assertTrue(tableExists(prefix + "person"), "both listed classes are managed");
            assertEquals(PersistenceUnitTransactionType.RESOURCE_LOCAL, emf.getTransactionType());
        } finally {
            dropAndClose(emf);
        }
    }

    @Test
    void persistenceXmlOfSchema22Bootstraps() {
        URL legacy = BootstrapTest.class.getClassLoader().getResource("legacy/");
        assertNotNull(legacy);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {legacy}, BootstrapTest.class.getClassLoader())) {
            withContextLoader(loader, () -> {
                EntityManagerFactory emf = Persistence.createEntityManagerFactory("tck-legacy", fresh(prefix()));
                try {
                    roundTrip(emf);
                } finally {
                    dropAndClose(emf);
                }
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unitNamingAnotherProviderIsNotOurs() {
        // JPA 3.2 section 9.2: a provider returns null for a unit it does not own; Persistence then throws.
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> Persistence.createEntityManagerFactory("tck-other-provider", fresh(prefix())));
        assertTrue(e.getMessage().contains("tck-other-provider"), e.getMessage());
        assertNull(new JynamoPersistenceProvider().createEntityManagerFactory("tck-other-provider", Map.of()));
    }

    @Test
    void unknownUnitNameHasNoProvider() {
        assertThrows(PersistenceException.class, () -> Persistence.createEntityManagerFactory("no-such-unit"));
        assertNull(new JynamoPersistenceProvider().createEntityManagerFactory("no-such-unit", Map.of()));
    }

    @Test
    void unitWithNoProviderIsTakenByJynamo() {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("tck-no-provider", fresh(prefix()));
        try {
            roundTrip(emf);
        } finally {
            dropAndClose(emf);
        }
    }

    @Test
    void providerPropertyNamingAnotherProviderIsRespected() {
        Map<String, Object> map = fresh(prefix());
        map.put(JynamoProperties.PROVIDER, "org.example.persistence.OtherProvider");
        assertThrows(PersistenceException.class, () -> Persistence.createEntityManagerFactory("tck-no-provider", map));
    }

    @Test
    void propertiesMapOverridesTheUnitsProperties() {
        // JPA 3.2 section 9.7 (Persistence.createEntityManagerFactory(String, Map)): the map wins.
        String prefix = prefix();
        Map<String, Object> map = fresh(prefix);
        map.put(JynamoProperties.SCAN, "deny");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("tck-bootstrap", map);
        try {
            assertEquals(prefix, emf.getProperties().get(JynamoProperties.TABLE_PREFIX));
            assertEquals("deny", emf.getProperties().get(JynamoProperties.SCAN));
            assertTrue(tableExists(prefix + "dynamodb-user"));
            assertFalse(tableExists("from-xml-dynamodb-user"));
            assertEquals("jdbc:h2:mem:nothing", emf.getProperties().get("jakarta.persistence.jdbc.url"),
                    "the unit's other properties stay");
        } finally {
            dropAndClose(emf);
        }
    }

    @Test
    void unknownPropertiesAreIgnored() {
        Map<String, Object> map = fresh(prefix());
        map.put("hibernate.show_sql", "true");
        map.put("jakarta.persistence.jdbc.password", "secret");
        map.put("some.object", new Object());
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("tck-bootstrap", map);
        try {
            roundTrip(emf);
        } finally {
            dropAndClose(emf);
        }
    }

    // ---- programmatic bootstrap (JPA 3.2 section 9.4.3 PersistenceConfiguration) --------------------

    @Test
    void persistenceConfigurationBootstraps() {
        String prefix = prefix();
        EntityManagerFactory emf = new PersistenceConfiguration("tck-programmatic")
                .provider(JynamoPersistenceProvider.class.getName())
                .managedClass(User.class)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.TABLE_PREFIX, prefix)
                .property(JynamoProperties.SCHEMA_ACTION, "create")
                .createEntityManagerFactory();
        try {
            assertEquals("tck-programmatic", emf.getName());
            roundTrip(emf);
            assertTrue(tableExists(prefix + "dynamodb-user"));
        } finally {
            dropAndClose(emf);
        }
    }

    @Test
    void idClassListedAmongManagedClassesIsAccepted() {
        EntityManagerFactory emf = new PersistenceConfiguration("tck-id-class-listed")
                .managedClass(io.jynamo.tck.model.Person.class)
                .managedClass(io.jynamo.tck.model.Person.Key.class)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.TABLE_PREFIX, prefix())
                .createEntityManagerFactory();
        try {
            assertEquals(1, emf.getMetamodel().getEntities().size());
        } finally {
            emf.close();
        }
    }

    @Test
    void persistenceConfigurationWithoutProviderBootstraps() {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(new PersistenceConfiguration("tck-anon")
                .managedClass(User.class)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.TABLE_PREFIX, prefix())
                .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create"));
        try {
            roundTrip(emf);
        } finally {
            dropAndClose(emf);
        }
    }

    // ---- container bootstrap (JPA 3.2 section 9.1, PersistenceProvider.createContainerEntityManagerFactory) --

    @Test
    void containerBootstrapWithPersistenceUnitInfo() {
        String prefix = prefix();
        Properties properties = new Properties();
        properties.put(JynamoProperties.CLIENT, TestUnit.sharedClient());
        properties.put(JynamoProperties.TABLE_PREFIX, "overridden-");
        properties.put(JynamoProperties.SCHEMA_ACTION, "drop-and-create");
        PersistenceUnitInfo info = new UnitInfo("tck-container", List.of(User.class.getName()), properties);
        EntityManagerFactory emf = new JynamoPersistenceProvider().createContainerEntityManagerFactory(info,
                Map.of(JynamoProperties.TABLE_PREFIX, prefix));
        try {
            assertEquals("tck-container", emf.getName());
            roundTrip(emf);
            assertTrue(tableExists(prefix + "dynamodb-user"), "the map given with the unit info wins");
        } finally {
            dropAndClose(emf);
        }
    }

    // ---- schema generation through the provider (JPA 3.2 section 9.4 generateSchema) ----------------

    @Test
    void generateSchemaByUnitNameCreatesTables() {
        String prefix = prefix();
        Map<String, Object> map = new HashMap<>();
        map.put(JynamoProperties.TABLE_PREFIX, prefix);
        map.put(JynamoProperties.SCHEMA_ACTION, "create");
        Persistence.generateSchema("tck-bootstrap", map);
        try {
            assertTrue(tableExists(prefix + "dynamodb-user"));
            assertTrue(tableExists(prefix + "person"));
        } finally {
            TestUnit.sharedClient().deleteTable(b -> b.tableName(prefix + "dynamodb-user"));
            TestUnit.sharedClient().deleteTable(b -> b.tableName(prefix + "person"));
        }
        assertFalse(new JynamoPersistenceProvider().generateSchema("no-such-unit", map));
    }

    @Test
    void providerUtilAnswersForLoadedAndForeignObjects() {
        var util = new JynamoPersistenceProvider().getProviderUtil();
        assertNotNull(util);
        assertEquals(LoadState.UNKNOWN, util.isLoaded("not an entity"));
        assertEquals(LoadState.UNKNOWN, util.isLoadedWithoutReference("not an entity", "length"));
        assertTrue(Persistence.getPersistenceUtil().isLoaded(new User("u@x", "U", "X")));
    }

    // ---- endpoints and clients (DESIGN "Configuration") ---------------------------------------------

    @Test
    void embeddedEndpointUsesTheLocalEngine() {
        String prefix = prefix();
        EntityManagerFactory emf = new PersistenceConfiguration("tck-embedded")
                .managedClass(User.class)
                .property(JynamoProperties.ENDPOINT, "embedded")
                .property(JynamoProperties.TABLE_PREFIX, prefix)
                .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create")
                .createEntityManagerFactory();
        try {
            roundTrip(emf);
            assertTrue(tableExists(prefix + "dynamodb-user"), "the JVM's local engine holds the table");
        } finally {
            dropAndClose(emf);
        }
    }

    @Test
    void httpEndpointUsesThatServer() {
        String prefix = prefix();
        int port = LocalDynamo.shared().endpoint().getPort();
        EntityManagerFactory emf = new PersistenceConfiguration("tck-http")
                .managedClass(User.class)
                .property(JynamoProperties.ENDPOINT, "http://127.0.0.1:" + port)
                .property(JynamoProperties.TABLE_PREFIX, prefix)
                .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create")
                .createEntityManagerFactory();
        try {
            roundTrip(emf);
            assertTrue(tableExists(prefix + "dynamodb-user"));
        } finally {
            dropAndClose(emf);
        }
    }

    @Test
    void badEndpointFailsAtBootstrap() {
        PersistenceException e = assertThrows(PersistenceException.class, () -> new PersistenceConfiguration("tck-bad-endpoint")
                .managedClass(User.class)
                .property(JynamoProperties.ENDPOINT, "not a url")
                .createEntityManagerFactory());
        assertTrue(e.getMessage().contains(JynamoProperties.ENDPOINT), e.getMessage());
    }

    @Test
    void usersClientIsNeverClosed() {
        AtomicInteger closes = new AtomicInteger();
        DynamoDbClient real = TestUnit.sharedClient();
        DynamoDbClient watched = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closes.incrementAndGet();
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        EntityManagerFactory emf = new PersistenceConfiguration("tck-user-client")
                .managedClass(User.class)
                .property(JynamoProperties.CLIENT, watched)
                .property(JynamoProperties.TABLE_PREFIX, prefix())
                .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create")
                .createEntityManagerFactory();
        roundTrip(emf);
        dropAndClose(emf);
        assertFalse(emf.isOpen());
        assertEquals(0, closes.get(), "jynamo.client belongs to the application");
    }

    @Test
    void clientJynamoCreatedIsClosedWithTheFactory() {
        EntityManagerFactory emf = new PersistenceConfiguration("tck-own-client")
                .managedClass(User.class)
                .property(JynamoProperties.ENDPOINT, LocalDynamo.shared().endpoint().toString())
                .property(JynamoProperties.TABLE_PREFIX, prefix())
                .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create")
                .createEntityManagerFactory();
        DynamoDbClient client = emf.unwrap(DynamoDbClient.class);
        client.listTables();
        assertFalse(sdkClientClosed(client));
        dropAndClose(emf);
        assertTrue(sdkClientClosed(client), "the factory closes the client it made");
    }

    /**
     * Whether an SDK client was closed. The URL-connection client still answers after close(), so this
     * looks at the resource close() releases: the client's own scheduled executor is shut down.
     */
    private static boolean sdkClientClosed(DynamoDbClient client) {
        try {
            for (Class<?> c = client.getClass(); c != null; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (f.getType() == software.amazon.awssdk.core.client.config.SdkClientConfiguration.class) {
                        f.setAccessible(true);
                        var configuration = (software.amazon.awssdk.core.client.config.SdkClientConfiguration) f.get(client);
                        return configuration.option(software.amazon.awssdk.core.client.config.SdkClientOption.SCHEDULED_EXECUTOR_SERVICE)
                                .isShutdown();
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no SdkClientConfiguration in " + client.getClass());
    }

    @Test
    void closedFactoryThrowsIllegalState() {
        EntityManagerFactory emf = new PersistenceConfiguration("tck-closed")
                .managedClass(User.class)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.TABLE_PREFIX, prefix())
                .createEntityManagerFactory();
        emf.close();
        assertFalse(emf.isOpen());
        assertThrows(IllegalStateException.class, emf::createEntityManager);
        assertThrows(IllegalStateException.class, emf::getProperties);
        assertThrows(IllegalStateException.class, emf::close);
    }

    /** A container's description of a unit. */
    private record UnitInfo(String name, List<String> classNames, Properties properties) implements PersistenceUnitInfo {
        public String getPersistenceUnitName() {
            return name;
        }

        public String getPersistenceProviderClassName() {
            return JynamoPersistenceProvider.class.getName();
        }

        public String getScopeAnnotationName() {
            return null;
        }

        public List<String> getQualifierAnnotationNames() {
            return List.of();
        }

        @SuppressWarnings("removal")
        public jakarta.persistence.spi.PersistenceUnitTransactionType getTransactionType() {
            return jakarta.persistence.spi.PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        public DataSource getJtaDataSource() {
            return null;
        }

        public DataSource getNonJtaDataSource() {
            return null;
        }

        public List<String> getMappingFileNames() {
            return List.of();
        }

        public List<URL> getJarFileUrls() {
            return List.of();
        }

        public URL getPersistenceUnitRootUrl() {
            return null;
        }

        public List<String> getManagedClassNames() {
            return classNames;
        }

        public boolean excludeUnlistedClasses() {
            return true;
        }

        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.UNSPECIFIED;
        }

        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        public Properties getProperties() {
            return properties;
        }

        public String getPersistenceXMLSchemaVersion() {
            return "3.2";
        }

        public ClassLoader getClassLoader() {
            return BootstrapTest.class.getClassLoader();
        }

        public void addTransformer(ClassTransformer transformer) {
        }

        public ClassLoader getNewTempClassLoader() {
            return getClassLoader();
        }
    }

}
