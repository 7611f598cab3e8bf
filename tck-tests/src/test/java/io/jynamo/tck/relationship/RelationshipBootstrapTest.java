package io.jynamo.tck.relationship;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relationship mappings Jynamo cannot honour fail at bootstrap, naming the entity, the attribute and the construct. */
class RelationshipBootstrapTest {

    private static void fails(String[] parts, Class<?>... classes) {
        PersistenceConfiguration c = new PersistenceConfiguration("rel-broken");
        for (Class<?> type : classes) {
            c.managedClass(type);
        }
        c.property(JynamoProperties.CLIENT, TestUnit.sharedClient());
        c.property(JynamoProperties.TABLE_PREFIX, "never-created-");
        PersistenceException e = assertThrows(PersistenceException.class, c::createEntityManagerFactory);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "should name '" + part + "': " + e.getMessage());
        }
    }

    @Entity
    public static class Target {
        @Id
        public String id;
    }

    @Entity
    public static class JoinTableOnToOne {
        @Id
        public String id;
        @ManyToOne
        @JoinTable(name = "t")
        public Target target;
    }

    @Entity
    public static class MappedByNothing {
        @Id
        public String id;
        @OneToMany(mappedBy = "owner")
        public List<Target> targets = new ArrayList<>();
    }

    @Entity
    public static class NotAnEntityTarget {
        @Id
        public String id;
        @ManyToOne
        public String target;
    }

    @Entity
    public static class ClashingColumn {
        @Id
        public String id;
        public String target_id;
        @ManyToOne
        public Target target;
    }

    @Entity
    public static class WrongJoinColumnCount {
        @Id
        public String id;
        @ManyToOne
        @JoinColumn(name = "a")
        @JoinColumn(name = "b")
        public Target target;
    }

    public static class PairId implements java.io.Serializable {
        public String a;
        public String b;
    }

    @Entity
    @jakarta.persistence.IdClass(PairId.class)
    public static class PairTarget {
        @Id
        public String a;
        @Id
        public String b;
    }

    /** Its key is the target's two key attributes, from one attribute: JPA wants the parent's id class declared. */
    @Entity
    public static class DerivedIdentity {
        @Id
        @ManyToOne
        public PairTarget target;
    }

    @Test
    void aDerivedIdentityFromACompositeKeyWithoutTheParentsIdClassIsRefused() {
        fails(new String[] {DerivedIdentity.class.getName(), "'target'", "derived identity", "@IdClass"}, DerivedIdentity.class,
                PairTarget.class);
    }

    @Test
    void joinTableOnAToOneIsRefused() {
        fails(new String[] {JoinTableOnToOne.class.getName(), "'target'", "@JoinTable"}, JoinTableOnToOne.class, Target.class);
    }

    @Test
    void mappedByNamingNoOwningAttributeIsRefused() {
        fails(new String[] {MappedByNothing.class.getName(), "'targets'", "mappedBy", "owner"}, MappedByNothing.class, Target.class);
    }

    @Test
    void aTargetThatIsNoEntityIsRefused() {
        fails(new String[] {NotAnEntityTarget.class.getName(), "'target'", "java.lang.String", "not an entity"},
                NotAnEntityTarget.class, Target.class);
    }

    @Test
    void aForeignKeyStoredUnderAnotherAttributesNameIsRefused() {
        fails(new String[] {ClashingColumn.class.getName(), "'target'", "target_id"}, ClashingColumn.class, Target.class);
    }

    @Test
    void joinColumnsThatDoNotMatchTheTargetKeyAreRefused() {
        fails(new String[] {WrongJoinColumnCount.class.getName(), "'target'", "2 join column"}, WrongJoinColumnCount.class, Target.class);
    }
}
