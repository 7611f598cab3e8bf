package io.jynamo.tck.relationship;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.relationship.model.Card;
import io.jynamo.tck.relationship.model.Client;
import io.jynamo.tck.relationship.model.Holder;
import io.jynamo.tck.relationship.model.Purchase;
import io.jynamo.tck.relationship.model.Store;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.SchemaValidationException;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foreign-key indexes schema generation manages for inverse sides, and the metamodel of relationships. */
class RelationshipSchemaTest {

    private static final Class<?>[] CLASSES = {Client.class, Purchase.class, Store.class, Card.class, Holder.class, io.jynamo.tck.relationship.model.Badge.class};

    private static TableDescription describe(String table) {
        return TestUnit.sharedClient().describeTable(b -> b.tableName(table)).table();
    }

    private static GlobalSecondaryIndexDescription index(TableDescription t, String name) {
        return t.globalSecondaryIndexes().stream().filter(g -> g.indexName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(t.tableName() + " has no index " + name));
    }

    @Test
    void createMakesAForeignKeyIndexWithProjectionAllForEachInverseSide() {
        try (TestUnit unit = TestUnit.of(CLASSES).build()) {
            GlobalSecondaryIndexDescription purchases = index(describe(unit.prefix() + "Purchase"), "fk_client_id");
            assertEquals("client_id", purchases.keySchema().get(0).attributeName());
            assertEquals(ProjectionType.ALL, purchases.projection().projectionType());
            assertEquals("holderId", index(describe(unit.prefix() + "Card"), "fk_holderId").keySchema().get(0).attributeName());
            // No inverse side loads stores by key: no index on their referrers' store_id.
            assertFalse(describe(unit.prefix() + "Purchase").globalSecondaryIndexes().stream()
                    .anyMatch(g -> g.indexName().contains("store")));
        }
    }

    @Test
    void validateReportsAMissingForeignKeyIndexAndUpdateAddsIt() throws Exception {
        TestUnit unit = TestUnit.of(CLASSES).build();
        String prefix = unit.prefix();
        unit.emf().close(); // keeps the tables
        TestUnit.sharedClient().updateTable(b -> b.tableName(prefix + "Purchase")
                .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("fk_client_id"))));
        assertFalse(describe(prefix + "Purchase").globalSecondaryIndexes().stream()
                .anyMatch(g -> g.indexName().equals("fk_client_id")));
        EntityManagerFactory emf = factory(prefix, "none");
        try {
            SchemaValidationException e = assertThrows(SchemaValidationException.class, () -> emf.getSchemaManager().validate());
            assertTrue(e.getMessage().contains("fk_client_id"), e.getMessage());
        } finally {
            emf.close();
        }
        EntityManagerFactory updated = factory(prefix, "update");
        try {
            updated.getSchemaManager().validate();
            assertEquals("client_id", index(describe(prefix + "Purchase"), "fk_client_id").keySchema().get(0).attributeName());
        } finally {
            updated.getSchemaManager().drop(false);
            updated.close();
        }
    }

    private static EntityManagerFactory factory(String prefix, String action) {
        PersistenceConfiguration c = new PersistenceConfiguration("rel-" + prefix + System.nanoTime());
        for (Class<?> type : CLASSES) {
            c.managedClass(type);
        }
        return c.property(JynamoProperties.CLIENT, TestUnit.sharedClient())
                .property(JynamoProperties.TABLE_PREFIX, prefix)
                .property(JynamoProperties.SCHEMA_ACTION, action)
                .createEntityManagerFactory();
    }

    @Test
    void metamodelDescribesRelationshipsAsAssociationsOfEntityTypes() {
        try (TestUnit unit = TestUnit.of(CLASSES).build()) {
            EntityType<Purchase> purchase = unit.emf().getMetamodel().entity(Purchase.class);
            EntityType<Client> client = unit.emf().getMetamodel().entity(Client.class);
            SingularAttribute<? super Purchase, ?> toClient = purchase.getSingularAttribute("client");
            assertEquals(PersistentAttributeType.MANY_TO_ONE, toClient.getPersistentAttributeType());
            assertTrue(toClient.isAssociation());
            assertSame(client, toClient.getType());
            ListAttribute<? super Client, ?> purchases = client.getList("purchases");
            assertEquals(PersistentAttributeType.ONE_TO_MANY, purchases.getPersistentAttributeType());
            assertTrue(purchases.isAssociation());
            assertSame(purchase, purchases.getElementType());
            assertEquals(PersistentAttributeType.ONE_TO_ONE,
                    unit.emf().getMetamodel().entity(Holder.class).getAttribute("card").getPersistentAttributeType());
            assertFalse(purchase.getAttribute("amount").isAssociation());
        }
    }
}
