package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.model.Model.Account;
import io.jynamo.internal.metadata.model.Model.Event;
import io.jynamo.internal.metadata.model.Model.Order;
import io.jynamo.internal.metadata.model.Model.OrderId;
import io.jynamo.internal.metadata.model.Model.Reading;
import io.jynamo.internal.metadata.model.Model.ReadingId;
import io.jynamo.internal.metadata.model.Model.User;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Bindable;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTypeImplTest {

    private final MetamodelImpl metamodel = Model.metamodel();
    private final EntityType<User> user = metamodel.entity(User.class);
    private final EntityType<Order> order = metamodel.entity(Order.class);
    private final EntityType<Reading> reading = metamodel.entity(Reading.class);

    @Test
    void entityIsBoundAsEntityType() {
        assertEquals(Bindable.BindableType.ENTITY_TYPE, user.getBindableType());
        assertEquals(User.class, user.getBindableJavaType());
    }

    @Test
    void entitiesHaveNoSupertype() {
        assertNull(user.getSupertype());
        assertNull(order.getSupertype());
    }

    @Test
    void simpleIdIsTheSingleIdAttribute() {
        assertTrue(user.hasSingleIdAttribute());
        SingularAttribute<? super User, String> id = user.getId(String.class);
        assertEquals("email", id.getName());
        assertTrue(id.isId());
        assertSame(id, user.getDeclaredId(String.class));
        assertSame(id, user.getId(Object.class));
    }

    @Test
    void simpleIdTypeIsTheBasicTypeOfTheKey() {
        Type<?> idType = user.getIdType();
        assertEquals(Type.PersistenceType.BASIC, idType.getPersistenceType());
        assertEquals(String.class, idType.getJavaType());
        assertEquals(UUID.class, metamodel.entity(Event.class).getIdType().getJavaType());
    }

    @Test
    void getIdOfTheWrongTypeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getId(Long.class));
        assertTrue(e.getMessage().contains("email") && e.getMessage().contains("java.lang.Long"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> user.getDeclaredId(Integer.class));
        assertThrows(IllegalArgumentException.class, () -> user.getId(null));
    }

    @Test
    void simpleIdHasNoIdClassAttributes() {
        var e = assertThrows(IllegalArgumentException.class, user::getIdClassAttributes);
        assertTrue(e.getMessage().contains("email"), e.getMessage());
    }

    @Test
    void idClassEntityHasTwoIdClassAttributes() {
        assertFalse(order.hasSingleIdAttribute());
        Set<SingularAttribute<? super Order, ?>> ids = order.getIdClassAttributes();
        assertEquals(List.of("customer", "number"), ids.stream().map(Attribute::getName).toList());
        assertTrue(ids.stream().allMatch(SingularAttribute::isId));
        assertTrue(ids.contains(order.getSingularAttribute("number", long.class)));
    }

    @Test
    void idClassIdAttributesAreOrdinaryAttributesToo() {
        assertEquals(List.of("customer", "number", "item"), names(order.getAttributes()));
        assertFalse(order.getSingularAttribute("item").isId());
    }

    @Test
    void getIdOfAnIdClassEntityIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> order.getId(String.class));
        assertTrue(e.getMessage().contains("@IdClass") && e.getMessage().contains("getIdClassAttributes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> order.getDeclaredId(Object.class));
    }

    @Test
    void idClassIdTypeDescribesTheIdClass() throws Exception {
        Type<?> idType = order.getIdType();
        assertEquals(OrderId.class, idType.getJavaType());
        assertEquals(Type.PersistenceType.EMBEDDABLE, idType.getPersistenceType());
        EmbeddableType<?> id = (EmbeddableType<?>) idType;
        assertEquals(List.of("customer", "number"), names(id.getAttributes()));
        assertEquals(long.class, id.getAttribute("number").getJavaType());
        assertEquals(OrderId.class.getDeclaredField("number"), id.getAttribute("number").getJavaMember());
        assertSame(id, id.getAttribute("number").getDeclaringType());
    }

    @Test
    void embeddedIdIsOneEmbeddedAttributeInPlaceOfTheKeyParts() {
        assertTrue(reading.hasSingleIdAttribute());
        assertEquals(List.of("id", "value", "version"), names(reading.getAttributes()));
        SingularAttribute<? super Reading, ReadingId> id = reading.getId(ReadingId.class);
        assertTrue(id.isId());
        assertFalse(id.isOptional());
        assertEquals(Attribute.PersistentAttributeType.EMBEDDED, id.getPersistentAttributeType());
        assertEquals(ReadingId.class, id.getJavaType());
        assertThrows(IllegalArgumentException.class, () -> reading.getAttribute("sensor"));
    }

    @Test
    void embeddedIdTypeIsItsEmbeddable() throws Exception {
        EmbeddableType<?> idType = (EmbeddableType<?>) reading.getIdType();
        assertSame(reading.getId(ReadingId.class).getType(), idType);
        assertEquals(List.of("sensor", "at"), names(idType.getAttributes()));
        SingularAttribute<?, ?> at = idType.getSingularAttribute("at");
        assertFalse(at.isId());
        assertFalse(at.isOptional());
        assertEquals(ReadingId.class.getDeclaredField("at"), at.getJavaMember());
        assertThrows(IllegalArgumentException.class, reading::getIdClassAttributes);
    }

    @Test
    void embeddedIdMemberIsTheEntityField() throws Exception {
        assertEquals(Reading.class.getDeclaredField("id"), reading.getAttribute("id").getJavaMember());
    }

    @Test
    void primitiveVersionIsFoundByPrimitiveOrWrapper() {
        assertTrue(user.hasVersionAttribute());
        SingularAttribute<? super User, Long> version = user.getVersion(Long.class);
        assertEquals("version", version.getName());
        assertTrue(version.isVersion());
        assertFalse(version.isId());
        assertSame(version, user.getVersion(long.class));
        assertSame(version, user.getDeclaredVersion(Long.class));
    }

    @Test
    void wrapperVersionIsFound() {
        assertTrue(reading.hasVersionAttribute());
        assertEquals(Integer.class, reading.getVersion(Integer.class).getJavaType());
        assertTrue(reading.getVersion(int.class).isVersion());
    }

    @Test
    void versionOfTheWrongTypeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> user.getVersion(String.class));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void entityWithoutVersionRefusesGetVersion() {
        assertFalse(order.hasVersionAttribute());
        var e = assertThrows(IllegalArgumentException.class, () -> order.getVersion(Long.class));
        assertTrue(e.getMessage().contains("Order") && e.getMessage().contains("@Version"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> order.getDeclaredVersion(Long.class));
    }

    @Test
    void attributesKeepMappingOrderAndSkipTransients() {
        assertEquals(List.of("email", "age", "score", "name", "status", "version", "address", "tags", "lucky", "notes"),
                names(user.getAttributes()));
        assertThrows(IllegalArgumentException.class, () -> user.getAttribute("ignored"));
    }

    @Test
    void declaredAttributesAreAllAttributes() {
        assertEquals(user.getAttributes(), user.getDeclaredAttributes());
        assertEquals(user.getSingularAttributes(), user.getDeclaredSingularAttributes());
        assertEquals(user.getPluralAttributes(), user.getDeclaredPluralAttributes());
    }

    @Test
    void singularAndPluralAttributesPartitionTheAttributes() {
        assertEquals(List.of("email", "age", "score", "name", "status", "version", "address"),
                names(user.getSingularAttributes()));
        assertEquals(List.of("tags", "lucky", "notes"), names(user.getPluralAttributes()));
    }

    @Test
    void propertyAccessEntityUsesGetters() throws Exception {
        EntityType<Account> account = metamodel.entity(Account.class);
        assertEquals(Account.class.getDeclaredMethod("getId"), account.getId(String.class).getJavaMember());
        assertEquals(Account.class.getDeclaredMethod("getBalance"), account.getAttribute("balance").getJavaMember());
        assertEquals(long.class, account.getAttribute("balance").getJavaType());
        assertEquals(Account.class.getDeclaredMethod("getNicknames"), account.getList("nicknames").getJavaMember());
        assertFalse(account.hasVersionAttribute());
    }

    @Test
    void generatedIdIsTheIdAndNotOptional() {
        EntityType<?> event = metamodel.entity("Evt");
        SingularAttribute<?, ?> id = event.getSingularAttribute("id");
        assertTrue(id.isId());
        assertFalse(id.isOptional());
        assertEquals("Evt", event.getName());
    }

    @Test
    void attributesAreDeclaredByTheEntity() {
        for (Attribute<? super User, ?> a : user.getAttributes()) {
            assertSame(user, a.getDeclaringType(), a.getName());
        }
    }

    @Test
    void attributeSetsAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> user.getAttributes().clear());
        assertThrows(UnsupportedOperationException.class, () -> user.getSingularAttributes().clear());
        assertThrows(UnsupportedOperationException.class, () -> user.getPluralAttributes().clear());
        assertThrows(UnsupportedOperationException.class, () -> order.getIdClassAttributes().clear());
    }

    static List<String> names(Set<? extends Attribute<?, ?>> attributes) {
        return attributes.stream().map(Attribute::getName).collect(Collectors.toList());
    }
}
