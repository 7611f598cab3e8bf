package io.jynamo.internal.metadata.model;

import io.jynamo.internal.metadata.model.Model.Account;
import io.jynamo.internal.metadata.model.Model.Address;
import io.jynamo.internal.metadata.model.Model.Event;
import io.jynamo.internal.metadata.model.Model.Geo;
import io.jynamo.internal.metadata.model.Model.Order;
import io.jynamo.internal.metadata.model.Model.OrderId;
import io.jynamo.internal.metadata.model.Model.Reading;
import io.jynamo.internal.metadata.model.Model.ReadingId;
import io.jynamo.internal.metadata.model.Model.User;
import io.jynamo.internal.metadata.MetadataBuilder;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetamodelImplTest {

    private final Metamodel metamodel = Model.metamodel();

    @Test
    void entityByClassHasTheClassAndEntityName() {
        EntityType<User> user = metamodel.entity(User.class);
        assertEquals(User.class, user.getJavaType());
        assertEquals("User", user.getName());
        assertEquals(Type.PersistenceType.ENTITY, user.getPersistenceType());
    }

    @Test
    void entityByNameUsesTheEntityNameNotTheClassName() {
        assertSame(metamodel.entity(Event.class), metamodel.entity("Evt"));
        assertSame(metamodel.entity(Order.class), metamodel.entity("Order"));
        var e = assertThrows(IllegalArgumentException.class, () -> metamodel.entity("Event"));
        assertTrue(e.getMessage().contains("'Event'") && e.getMessage().contains("Evt"), e.getMessage());
    }

    @Test
    void unknownEntityClassIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> metamodel.entity(String.class));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
        assertTrue(e.getMessage().contains(User.class.getName()), e.getMessage());
    }

    @Test
    void embeddableIsNotAnEntity() {
        var e = assertThrows(IllegalArgumentException.class, () -> metamodel.entity(Address.class));
        assertTrue(e.getMessage().contains(Address.class.getName()), e.getMessage());
    }

    @Test
    void nullArgumentsAreIllegal() {
        assertThrows(IllegalArgumentException.class, () -> metamodel.entity((Class<?>) null));
        assertThrows(IllegalArgumentException.class, () -> metamodel.entity((String) null));
        assertThrows(IllegalArgumentException.class, () -> metamodel.managedType(null));
        assertThrows(IllegalArgumentException.class, () -> metamodel.embeddable(null));
    }

    @Test
    void managedTypeFindsEntitiesAndEmbeddables() {
        assertSame(metamodel.entity(User.class), metamodel.managedType(User.class));
        assertSame(metamodel.embeddable(Address.class), metamodel.managedType(Address.class));
        var e = assertThrows(IllegalArgumentException.class, () -> metamodel.managedType(OrderId.class));
        assertTrue(e.getMessage().contains(OrderId.class.getName()), e.getMessage());
    }

    @Test
    void embeddableFindsNestedAndEmbeddedIdTypes() {
        EmbeddableType<Geo> geo = metamodel.embeddable(Geo.class);
        assertEquals(Geo.class, geo.getJavaType());
        assertEquals(Type.PersistenceType.EMBEDDABLE, geo.getPersistenceType());
        assertEquals(ReadingId.class, metamodel.embeddable(ReadingId.class).getJavaType());
    }

    @Test
    void entityAndIdClassAreNotEmbeddables() {
        var e = assertThrows(IllegalArgumentException.class, () -> metamodel.embeddable(User.class));
        assertTrue(e.getMessage().contains(User.class.getName()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> metamodel.embeddable(OrderId.class));
    }

    @Test
    void getEntitiesListsEveryEntity() {
        assertEquals(Set.of(User.class, Order.class, Reading.class, Account.class, Event.class),
                javaTypes(metamodel.getEntities()));
    }

    @Test
    void getEmbeddablesListsEmbeddedAndEmbeddedIdTypesButNotIdClasses() {
        assertEquals(Set.of(Address.class, Geo.class, ReadingId.class), javaTypes(metamodel.getEmbeddables()));
    }

    @Test
    void getManagedTypesIsEntitiesAndEmbeddables() {
        Set<ManagedType<?>> managed = metamodel.getManagedTypes();
        assertEquals(8, managed.size());
        assertTrue(managed.containsAll(metamodel.getEntities()));
        assertTrue(managed.containsAll(metamodel.getEmbeddables()));
    }

    @Test
    void setsAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> metamodel.getEntities().clear());
        assertThrows(UnsupportedOperationException.class, () -> metamodel.getEmbeddables().clear());
        assertThrows(UnsupportedOperationException.class, () -> metamodel.getManagedTypes().clear());
    }

    @Test
    void repeatedCallsReturnTheSameObjects() {
        assertSame(metamodel.entity(User.class), metamodel.entity(User.class));
        assertSame(metamodel.getEntities(), metamodel.getEntities());
        assertSame(metamodel.entity(User.class).getAttribute("age"), metamodel.entity(User.class).getAttribute("age"));
        assertSame(metamodel.entity(User.class).getAttributes(), metamodel.entity(User.class).getAttributes());
    }

    @Test
    void sameEmbeddableClassSharesOneType() {
        EntityType<User> user = metamodel.entity(User.class);
        assertSame(metamodel.embeddable(Address.class), user.getSingularAttribute("address").getType());
        assertSame(metamodel.embeddable(ReadingId.class), metamodel.entity(Reading.class).getIdType());
    }

    @Test
    void basicTypesOfOneClassAreShared() {
        EntityType<User> user = metamodel.entity(User.class);
        assertSame(user.getSingularAttribute("email").getType(), user.getSingularAttribute("name").getType());
        assertSame(user.getSingularAttribute("email").getType(), user.getList("tags").getElementType());
    }

    @Test
    void emptyPersistenceUnitHasAnEmptyMetamodel() {
        MetamodelImpl empty = new MetamodelImpl(new MetadataBuilder("").build(List.of()));
        assertTrue(empty.getManagedTypes().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> empty.entity(User.class));
    }

    @Test
    void readsFromManyThreadsSeeTheSameTypes() throws Exception {
        MetamodelImpl shared = Model.metamodel();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> shared.entity(User.class).getList("tags", String.class)));
            }
            Object first = results.get(0).get();
            for (Future<Object> f : results) {
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<Class<?>> javaTypes(Set<? extends ManagedType<?>> types) {
        return types.stream().map(ManagedType::getJavaType).collect(Collectors.toSet());
    }
}
