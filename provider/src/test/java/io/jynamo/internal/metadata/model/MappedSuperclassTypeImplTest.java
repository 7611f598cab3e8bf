package io.jynamo.internal.metadata.model;

import io.jynamo.annotations.SortKey;
import io.jynamo.internal.metadata.MetadataBuilder;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.MappedSuperclassType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappedSuperclassTypeImplTest {

    public static class LineId {
        public String order;
        public int line;

        @Override
        public boolean equals(Object o) {
            return o instanceof LineId l && Objects.equals(order, l.order) && line == l.line;
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, line);
        }
    }

    /** Declares the composite id and the version. */
    @MappedSuperclass
    @IdClass(LineId.class)
    public abstract static class Keyed {
        @Id
        public String order;
        @Id
        @SortKey
        public int line;
        @Version
        public long version;
    }

    @Entity
    public static class Line extends Keyed {
        public String sku;
    }

    /** A mapped superclass between two entities: its supertype is the entity above. */
    @MappedSuperclass
    public abstract static class Priced extends Line {
        public long cents;
    }

    @Entity
    public static class DiscountedLine extends Priced {
        public int percent;
    }

    /** Declares nothing about the id: its entity does. */
    @MappedSuperclass
    public abstract static class Labelled {
        public String label;
    }

    @Entity
    public static class Tag extends Labelled {
        @Id
        public String id;
    }

    private final Metamodel model = new MetamodelImpl(new MetadataBuilder("").build(List.of(
            Keyed.class, Line.class, Priced.class, DiscountedLine.class, Labelled.class, Tag.class)));

    private static Set<String> names(Set<? extends Attribute<?, ?>> attributes) {
        return attributes.stream().map(Attribute::getName).collect(Collectors.toSet());
    }

    @Test
    void aMappedSuperclassDeclaringAnIdClassHasItsIdAttributesAndVersion() {
        MappedSuperclassType<Keyed> keyed = assertInstanceOf(MappedSuperclassType.class, model.managedType(Keyed.class));
        assertEquals(Type.PersistenceType.MAPPED_SUPERCLASS, keyed.getPersistenceType());
        assertEquals(Set.of("order", "line", "version"), names(keyed.getDeclaredAttributes()));
        assertEquals(Set.of("order", "line"), names(keyed.getIdClassAttributes()));
        assertFalse(keyed.hasSingleIdAttribute());
        assertEquals(LineId.class, keyed.getIdType().getJavaType());
        assertEquals(long.class, keyed.getDeclaredVersion(Long.class).getJavaType());
        assertThrows(IllegalArgumentException.class, () -> keyed.getId(String.class), "an @IdClass: getIdClassAttributes");
        assertNull(keyed.getSupertype());
        EntityType<Line> line = model.entity(Line.class);
        assertSame(keyed, line.getSupertype());
        assertEquals(Set.of("sku"), names(line.getDeclaredAttributes()));
        assertSame(keyed, line.getIdClassAttributes().iterator().next().getDeclaringType());
    }

    @Test
    void aMappedSuperclassBetweenEntitiesIsTheLowerOnesSupertype() {
        EntityType<DiscountedLine> discounted = model.entity(DiscountedLine.class);
        IdentifiableType<? super DiscountedLine> priced = discounted.getSupertype();
        assertEquals(Priced.class, priced.getJavaType());
        assertSame(model.entity(Line.class), priced.getSupertype());
        assertEquals(Set.of("cents"), names(priced.getDeclaredAttributes()));
        assertEquals(Set.of("percent"), names(discounted.getDeclaredAttributes()));
        assertEquals(Set.of("order", "line", "version", "sku", "cents", "percent"), names(discounted.getAttributes()));
        assertSame(model.entity(Line.class).getAttribute("sku"), discounted.getAttribute("sku"));
    }

    @Test
    void aMappedSuperclassWithoutTheIdRefusesIdQuestions() {
        MappedSuperclassType<Labelled> labelled = assertInstanceOf(MappedSuperclassType.class, model.managedType(Labelled.class));
        assertEquals(Set.of("label"), names(labelled.getDeclaredAttributes()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> labelled.getId(String.class));
        assertTrue(e.getMessage().contains("has no id attribute"), e.getMessage());
        assertThrows(IllegalArgumentException.class, labelled::getIdClassAttributes);
        assertThrows(IllegalArgumentException.class, () -> labelled.getVersion(Long.class));
        assertFalse(labelled.hasSingleIdAttribute());
        assertFalse(labelled.hasVersionAttribute());
        assertNull(labelled.getIdType());
        assertSame(labelled, model.entity(Tag.class).getSupertype());
        assertEquals(String.class, model.entity(Tag.class).getDeclaredId(String.class).getJavaType());
    }

    @Test
    void managedTypesListEntitiesMappedSuperclassesAndEmbeddables() {
        assertEquals(Set.of(Keyed.class, Line.class, Priced.class, DiscountedLine.class, Labelled.class, Tag.class),
                model.getManagedTypes().stream().map(Type::getJavaType).collect(Collectors.toSet()));
        assertEquals(3, model.getEntities().size());
        assertThrows(IllegalArgumentException.class, () -> model.entity(Keyed.class));
        assertThrows(IllegalArgumentException.class, () -> model.embeddable(Keyed.class));
    }
}
