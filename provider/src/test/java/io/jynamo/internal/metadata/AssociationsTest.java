package io.jynamo.internal.metadata;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relationship metadata the loader, the flush, schema generation and the JPQL compiler read. */
class AssociationsTest {

    @Entity
    public static class Customer {
        @Id
        public String id;
        @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
        public List<Order> orders = new ArrayList<>();
        @OneToOne(mappedBy = "owner")
        public Profile profile;
        @ManyToMany
        public Set<Tag> tags;
    }

    @Entity
    @Table(name = "orders")
    public static class Order {
        @Id
        public String id;
        @ManyToOne(fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
        public Customer customer;
    }

    @Entity
    @Table(indexes = @Index(name = "byOwner", columnList = "ownerId"))
    public static class Profile {
        @Id
        public String id;
        public String ownerId;
        @OneToOne(optional = false)
        @JoinColumn(name = "ownerRef", referencedColumnName = "ID") // as SQL models write it for a key 'id'
        public Customer owner;
    }

    @Entity
    public static class Tag {
        @Id
        public String name;
        @ManyToMany(mappedBy = "tags")
        public Set<Customer> customers;
    }

    private final Metadata metadata = new MetadataBuilder("p_").build(List.of(Customer.class, Order.class, Profile.class, Tag.class));

    private AssociationMeta association(Class<?> type, String name) {
        return metadata.exact(type).association(name);
    }

    @Test
    void owningToOneHasJpaDefaultsAndItsForeignKeyPerTargetKeyAttribute() {
        AssociationMeta customer = association(Order.class, "customer");
        assertEquals(AssociationMeta.Kind.MANY_TO_ONE, customer.kind());
        assertTrue(customer.owningToOne());
        assertSame(metadata.exact(Customer.class), customer.target());
        assertEquals(FetchType.LAZY, customer.fetch());
        assertEquals(Set.of(CascadeType.PERSIST), customer.cascade());
        assertEquals(1, customer.joinColumns().size());
        assertEquals("customer_id", customer.joinColumns().get(0).storedName());
        assertSame(metadata.exact(Customer.class).partitionKey(), customer.joinColumns().get(0).targetKey());
        assertTrue(metadata.exact(Order.class).maps("customer_id"));

        AssociationMeta owner = association(Profile.class, "owner");
        assertEquals(FetchType.EAGER, owner.fetch(), "to-one defaults to EAGER");
        assertFalse(owner.optional());
        assertEquals("ownerRef", owner.joinColumns().get(0).storedName());
    }

    @Test
    void inverseSideNamesItsOwningSideAndTheIndexItLoadsBy() {
        AssociationMeta orders = association(Customer.class, "orders");
        assertEquals(AssociationMeta.Kind.ONE_TO_MANY, orders.kind());
        assertEquals(FetchType.LAZY, orders.fetch(), "to-many defaults to LAZY");
        assertEquals(List.class, orders.collectionType());
        assertTrue(orders.cascade().containsAll(Set.of(CascadeType.PERSIST, CascadeType.MERGE, CascadeType.REMOVE,
                CascadeType.REFRESH, CascadeType.DETACH)), "ALL is expanded");
        assertTrue(orders.orphanRemoval());
        assertSame(association(Order.class, "customer"), orders.inverse());
        assertEquals("fk_customer_id", orders.foreignKeyIndex().name());
        assertEquals("customer_id", orders.foreignKeyIndex().partitionKey().storedName());
        assertEquals(List.of("fk_customer_id"), metadata.exact(Order.class).foreignKeyIndexes().stream().map(IndexMeta::name).toList());
        assertTrue(metadata.exact(Order.class).indexes().isEmpty(), "declared indexes stay as declared");
    }

    @Test
    void anInverseSideIsLoadedByNoNewIndexWhenItsForeignKeyIsNotADeclaredIndexKey() {
        AssociationMeta profile = association(Customer.class, "profile");
        assertEquals("fk_ownerRef", profile.foreignKeyIndex().name());
        assertNull(association(Order.class, "customer").foreignKeyIndex());
    }

    @Test
    void manyToManyHasOneLinkTableSharedByBothSides() {
        AssociationMeta tags = association(Customer.class, "tags");
        AssociationMeta customers = association(Tag.class, "customers");
        EntityMeta link = tags.linkTable();
        assertSame(link, customers.linkTable());
        assertTrue(tags.linkOwner());
        assertFalse(customers.linkOwner());
        assertEquals("p_Customer_Tag", link.tableName());
        assertEquals("customers_id", link.partitionKey().storedName());
        assertEquals("tags_name", link.sortKey().storedName());
        assertEquals("fk_tags_name", link.indexes().get(0).name());
        assertTrue(metadata.tables().contains(link));
    }
}
