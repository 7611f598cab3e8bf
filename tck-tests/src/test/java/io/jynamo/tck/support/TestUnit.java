package io.jynamo.tck.support;

import io.jynamo.JynamoProperties;
import io.jynamo.local.LocalDynamo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;


import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A persistence unit for a test: the given entities on the local engine, in tables with a prefix
 * of their own (so tests never see each other's data), created fresh, with every call counted.
 *
 * <pre>{@code
 * try (TestUnit unit = TestUnit.of(User.class).build()) {
 *     unit.inTransaction(em -> em.persist(new User(...)));
 *     assertEquals(1, unit.calls().count("batchWriteItem"));
 * }
 * }</pre>
 */
public final class TestUnit implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EntityManagerFactory emf;
    private final Calls calls;
    private final String prefix;

    private TestUnit(EntityManagerFactory emf, Calls calls, String prefix) {
        this.emf = emf;
        this.calls = calls;
        this.prefix = prefix;
    }

    /** Starts describing a unit of these classes. */
    public static Builder of(Class<?>... classes) {
        return new Builder(classes);
    }

    /** Describes a test unit. */
    public static final class Builder {
        private final PersistenceConfiguration configuration;
        private final String prefix = "t" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-";

        private Builder(Class<?>[] classes) {
            configuration = new PersistenceConfiguration("test-" + prefix);
            for (Class<?> c : classes) {
                configuration.managedClass(c);
            }
        }

        /** Adds an orm.xml mapping file of the unit: a resource of the test class path. */
        public Builder mappingFile(String resource) {
            configuration.mappingFile(resource);
            return this;
        }

        /** Sets a property of the unit. */
        public Builder property(String key, Object value) {
            configuration.property(key, value);
            return this;
        }

        /** Makes the factory, with fresh tables and a counting client. */
        public TestUnit build() {
            Calls calls = new Calls(sharedClient());
            configuration.property(JynamoProperties.CLIENT, calls.client());
            configuration.property(JynamoProperties.TABLE_PREFIX, prefix);
            if (!configuration.properties().containsKey(JynamoProperties.SCHEMA_ACTION)) {
                configuration.property(JynamoProperties.SCHEMA_ACTION, "drop-and-create");
            }
            if (!configuration.properties().containsKey("jynamo.retry.base-millis")) {
                configuration.property("jynamo.retry.base-millis", "1");
            }
            EntityManagerFactory emf = configuration.createEntityManagerFactory();
            calls.reset();
            return new TestUnit(emf, calls, prefix);
        }
    }

    private static software.amazon.awssdk.services.dynamodb.DynamoDbClient client;

    /** One client to the local engine for the whole test JVM. */
    public static synchronized software.amazon.awssdk.services.dynamodb.DynamoDbClient sharedClient() {
        if (client == null) {
            client = LocalDynamo.shared().newClient();
        }
        return client;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public Calls calls() {
        return calls;
    }

    /** The prefix of this unit's tables. */
    public String prefix() {
        return prefix;
    }

    /** Runs work in a transaction of a new entity manager. */
    public void inTransaction(Consumer<EntityManager> work) {
        emf.runInTransaction(work);
    }

    /** Runs work in a transaction of a new entity manager and returns its result. */
    public <R> R fromTransaction(Function<EntityManager, R> work) {
        return emf.callInTransaction(work);
    }

    /** Runs work with a new entity manager, outside any transaction, and returns its result. */
    public <R> R withEntityManager(Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Drops the unit's tables and closes the factory. */
    @Override
    public void close() {
        if (emf.isOpen()) {
            calls.fault(null);
            emf.getSchemaManager().drop(true);
            emf.close();
        }
    }

}
