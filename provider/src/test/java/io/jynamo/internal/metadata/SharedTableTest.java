package io.jynamo.internal.metadata;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entities that name one table must agree on its key: a DynamoDB table has one key schema. */
class SharedTableTest {

    @Entity
    @Table(name = "shared")
    public static class Lower {
        @Id
        public Long id;
    }

    @Entity
    @Table(name = "shared")
    public static class Upper {
        @Id
        @Column(name = "ID")
        public Long id;
    }

    @Entity
    @Table(name = "shared")
    public static class SameKey {
        @Id
        public Long id;
        public String note;
    }

    @Entity
    @Table(name = "shared")
    public static class TextKey {
        @Id
        public String id;
    }

    public record Pair(Long id, String line) implements Serializable {
    }

    @Entity
    @Table(name = "shared")
    @IdClass(Pair.class)
    public static class WithSortKey {
        @Id
        public Long id;
        @Id
        @SortKey
        public String line;
    }

    private static Metadata build(Class<?>... classes) {
        return new MetadataBuilder("").build(List.of(classes));
    }

    @Test
    void entitiesWithTheSameKeyShareATable() {
        assertEquals(2, build(Lower.class, SameKey.class).tables().size());
    }

    @Test
    void keyAttributesThatDifferInNameCaseTypeOrSortKeyFailTheFactoryNamingBoth() {
        var byCase = assertThrows(PersistenceException.class, () -> build(Lower.class, Upper.class));
        assertTrue(byCase.getMessage().contains("Entities " + Lower.class.getName() + " and " + Upper.class.getName()
                + " are both stored in table shared with different keys (partition key 'id' NUMBER and partition key"
                + " 'ID' NUMBER)"), byCase.getMessage());
        assertTrue(byCase.getMessage().contains("@Column(name) on the @Id"), byCase.getMessage());
        var byType = assertThrows(PersistenceException.class, () -> build(Lower.class, TextKey.class));
        assertTrue(byType.getMessage().contains("'id' NUMBER and partition key 'id' STRING"), byType.getMessage());
        var bySortKey = assertThrows(PersistenceException.class, () -> build(Lower.class, WithSortKey.class));
        assertTrue(bySortKey.getMessage().contains("sort key 'line' STRING"), bySortKey.getMessage());
    }
}
