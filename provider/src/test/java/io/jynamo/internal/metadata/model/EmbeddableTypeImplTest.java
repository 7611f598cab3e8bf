package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.model.Model.Address;
import io.jynamo.internal.metadata.model.Model.Geo;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.PluralAttribute.CollectionType;
import jakarta.persistence.metamodel.SingularAttribute;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jynamo.internal.metadata.model.EntityTypeImplTest.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddableTypeImplTest {

    private final MetamodelImpl metamodel = Model.metamodel();
    private final EmbeddableType<Address> address = metamodel.embeddable(Address.class);

    @Test
    void embeddableExposesItsAttributes() throws Exception {
        assertEquals(List.of("street", "geo", "lines"), names(address.getAttributes()));
        SingularAttribute<? super Address, String> street = address.getSingularAttribute("street", String.class);
        assertSame(address, street.getDeclaringType());
        assertEquals(Address.class.getDeclaredField("street"), street.getJavaMember());
        assertFalse(street.isId());
        assertTrue(street.isOptional());
    }

    @Test
    void nestedEmbeddableIsItsOwnType() {
        SingularAttribute<? super Address, Geo> geo = address.getSingularAttribute("geo", Geo.class);
        assertEquals(PersistentAttributeType.EMBEDDED, geo.getPersistentAttributeType());
        EmbeddableType<Geo> geoType = metamodel.embeddable(Geo.class);
        assertSame(geoType, geo.getType());
        assertEquals(double.class, geoType.getAttribute("lat").getJavaType());
        assertFalse(geoType.getSingularAttribute("lat").isOptional());
        assertTrue(geoType.getSingularAttribute("lon").isOptional());
    }

    @Test
    void embeddableElementCollectionIsPlural() {
        assertEquals(CollectionType.LIST, address.getList("lines", String.class).getCollectionType());
        assertEquals(List.of("lines"), names(address.getPluralAttributes()));
        assertSame(address, address.getList("lines").getDeclaringType());
    }

    @Test
    void embeddableLookupErrorsNameTheEmbeddable() {
        var e = assertThrows(IllegalArgumentException.class, () -> address.getAttribute("zip"));
        assertTrue(e.getMessage().contains("Embeddable " + Address.class.getName()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> address.getMap("lines"));
        assertThrows(IllegalArgumentException.class, () -> address.getSet("lines"));
    }

    @Test
    void declaredAttributesAreAllAttributes() {
        assertEquals(address.getAttributes(), address.getDeclaredAttributes());
        assertEquals(address.getSingularAttributes(), address.getDeclaredSingularAttributes());
        assertEquals(address.getPluralAttributes(), address.getDeclaredPluralAttributes());
    }
}
