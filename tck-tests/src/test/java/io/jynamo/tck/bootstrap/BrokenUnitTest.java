package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoProperties;
import io.jynamo.annotations.SortKey;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Units Jynamo cannot honour fail at bootstrap (JPA 3.2 section 9.1: the provider validates the unit
 * when the factory is made) with a PersistenceException naming the class and the attribute.
 * The broken entities are nested here and listed explicitly; no unit scans for them.
 */
class BrokenUnitTest {

    private static PersistenceException bootstrapFails(Class<?>... classes) {
        PersistenceConfiguration configuration = new PersistenceConfiguration("tck-broken");
        for (Class<?> c : classes) {
            configuration.managedClass(c);
        }
        configuration.property(JynamoProperties.CLIENT, TestUnit.sharedClient());
        configuration.property(JynamoProperties.TABLE_PREFIX, "never-created-");
        return assertThrows(PersistenceException.class, configuration::createEntityManagerFactory);
    }

    private static void assertNames(PersistenceException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(part),
                    () -> "message should name '" + part + "': " + e.getMessage());
        }
    }

    @Entity
    public static class NoId {
        public String name;
    }

    @Entity
    public static class TwoIdsNoSortKey {
        @Id
        @io.jynamo.annotations.SortKey
        public String first;
        @Id
        @io.jynamo.annotations.SortKey
        public String second;
    }

    @Entity
    public static class CompositeWithoutIdClass {
        @Id
        public String partition;
        @Id
        @SortKey
        public String sort;
    }

    @Entity
    public static class WithMap {
        @Id
        public String id;
        public Map<String, String> extras;
    }

    @Entity
    public static class WithManyToMany {
        @Id
        public String id;
        @ManyToMany
        @jakarta.persistence.MapKey(name = "id")
        @jakarta.persistence.MapKeyColumn(name = "role")
        public Map<String, User> owners; // keyed by an attribute of the target and by a stored key at once
    }

    @Entity
    public static class WithOneToMany {
        @Id
        public String id;
        @OneToMany
        @OrderColumn
        public java.util.Set<User> members; // a Set has no positions
    }

    @Entity
    public static class SequenceId {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        public String id; // a SEQUENCE hands out numbers: a String id is refused (numeric ids are served, see tck.idgen)
    }

    @Entity
    public static class IdentityId {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public String id;
    }

    @Entity
    public static class StringVersion {
        @Id
        public String id;
        @Version
        public String version;
    }

    @Test
    void unknownClassInPersistenceXmlFails() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> Persistence.createEntityManagerFactory("tck-unknown-class"));
        assertNames(e, "io.jynamo.tck.model.NoSuchEntity", "tck-unknown-class");
    }

    @Test
    void badWriteModeFails() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> Persistence.createEntityManagerFactory("tck-bad-write-mode"));
        assertNames(e, JynamoProperties.WRITE_MODE, "sometimes");
    }

    @Test
    void badWriteModeInPropertiesMapFails() {
        PersistenceConfiguration configuration = new PersistenceConfiguration("tck-broken-mode")
                .managedClass(User.class)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.WRITE_MODE, "eventually");
        PersistenceException e = assertThrows(PersistenceException.class, configuration::createEntityManagerFactory);
        assertNames(e, JynamoProperties.WRITE_MODE, "eventually");
    }

    @Test
    void badSchemaActionFails() {
        PersistenceConfiguration configuration = new PersistenceConfiguration("tck-broken-action")
                .managedClass(User.class)
                .property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.SCHEMA_ACTION, "recreate-please");
        PersistenceException e = assertThrows(PersistenceException.class, configuration::createEntityManagerFactory);
        assertNames(e, "recreate-please");
    }

    @Test
    void entityWithoutIdFails() {
        assertNames(bootstrapFails(NoId.class), NoId.class.getName(), "@Id");
    }

    @Test
    void twoIdsBothMarkedSortKeyFail() {
        assertNames(bootstrapFails(TwoIdsNoSortKey.class), TwoIdsNoSortKey.class.getName(), "first", "second", "both marked @SortKey");
    }

    @Test
    void compositeKeyWithoutIdClassFails() {
        assertNames(bootstrapFails(CompositeWithoutIdClass.class), CompositeWithoutIdClass.class.getName(), "@IdClass");
    }

    @Test
    void unsupportedMapTypeFails() {
        assertNames(bootstrapFails(WithMap.class), WithMap.class.getName(), "extras", "Map");
    }

    @Test
    void manyToManyMapKeyedByAColumnFails() {
        assertNames(bootstrapFails(WithManyToMany.class, User.class), WithManyToMany.class.getName(), "owners", "@MapKeyColumn");
    }

    @Test
    void oneToManyWithOrderColumnFails() {
        assertNames(bootstrapFails(WithOneToMany.class, User.class), WithOneToMany.class.getName(), "members", "OneToMany");
    }

    @Test
    void sequenceGenerationFails() {
        assertNames(bootstrapFails(SequenceId.class), SequenceId.class.getName(), "id", "SEQUENCE");
    }

    @Test
    void identityGenerationFails() {
        assertNames(bootstrapFails(IdentityId.class), IdentityId.class.getName(), "id", "IDENTITY");
    }

    @Test
    void versionOnStringFails() {
        assertNames(bootstrapFails(StringVersion.class), StringVersion.class.getName(), "version", "@Version");
    }

    @Test
    void oneBrokenEntityFailsTheWholeUnit() {
        assertNames(bootstrapFails(User.class, StringVersion.class), StringVersion.class.getName());
    }
}
