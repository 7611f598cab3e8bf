package io.jynamo.tck.query;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk UPDATE and DELETE re-check the whole WHERE at write time, key condition included: an item that
 * another writer changed between Jynamo's read and its writes so that it no longer matches is left alone.
 */
class BulkWriteRecheckTest {
    private TestUnit unit;

    @BeforeEach
    void data() {
        unit = TestUnit.of(Item.class).build();
        unit.inTransaction(em -> {
            for (int seq = 0; seq < 4; seq++) {
                Item i = new Item("b", seq);
                i.setColor("red");
                i.setCount((long) seq);
                i.setName("n");
                em.persist(i);
            }
        });
        unit.calls().reset();
    }

    @AfterEach
    void close() {
        unit.close();
    }

    /** After the first read of {@code operation}, sets {@code attribute} of item b/1 to {@code value} with the raw SDK. */
    private void changeItemOneAfterTheRead(String operation, String attribute, String value) {
        AtomicBoolean done = new AtomicBoolean();
        unit.calls().fault((op, request, real) -> {
            Object response = real.call(request);
            if (op.equals(operation) && done.compareAndSet(false, true)) {
                TestUnit.sharedClient().updateItem(b -> b.tableName(unit.prefix() + "item")
                        .key(Map.of("bucket", AttributeValue.fromS("b"), "seq", AttributeValue.fromN("1")))
                        .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", attribute))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
            }
            return response;
        });
    }

    private Item find(int seq) {
        EntityManager em = unit.emf().createEntityManager();
        try {
            return em.find(Item.class, new Item.Key("b", seq));
        } finally {
            em.close();
        }
    }

    @Test
    void updateThroughAGlobalIndexSkipsAnItemWhoseIndexKeyChangedAfterTheRead() {
        changeItemOneAfterTheRead("query", "color", "blue");
        int updated = unit.fromTransaction(em -> em.createQuery(
                "UPDATE Item i SET i.name = 'updated' WHERE i.color = 'red' AND i.count >= 0").executeUpdate());
        unit.calls().fault(null);
        assertEquals("byColor", ((software.amazon.awssdk.services.dynamodb.model.QueryRequest)
                unit.calls().requests("query").get(0)).indexName(), "the read goes through the index");
        assertEquals(3, updated);
        assertEquals("blue", find(1).getColor());
        assertEquals("n", find(1).getName(), "the item no longer matching is not updated");
        assertEquals("updated", find(0).getName());
        assertEquals("updated", find(3).getName());
    }

    @Test
    void updateThroughAFilterSkipsAnItemThatNoLongerMatchesIt() {
        changeItemOneAfterTheRead("query", "name", "other");
        int updated = unit.fromTransaction(em -> em.createQuery(
                "UPDATE Item i SET i.note = 'x' WHERE i.bucket = 'b' AND i.name = 'n'").executeUpdate());
        assertEquals(3, updated);
        assertNull(find(1).getNote());
        assertEquals("x", find(2).getNote());
    }

    @Test
    void deleteThroughAGlobalIndexSkipsAnItemWhoseIndexKeyChangedAfterTheRead() {
        changeItemOneAfterTheRead("query", "color", "blue");
        int deleted = unit.fromTransaction(em -> em.createQuery(
                "DELETE FROM Item i WHERE i.color = 'red' AND i.count >= 0").executeUpdate());
        unit.calls().fault(null);
        assertEquals(3, deleted);
        assertNotNull(find(1), "the item no longer matching is not deleted");
        assertNull(find(0));
        assertNull(find(2));
        assertEquals(0, unit.calls().count("batchWriteItem"), "BatchWriteItem cannot carry the condition");
        assertEquals(4, unit.calls().count("deleteItem"), "one conditional DeleteItem per item read");
    }

    @Test
    void deleteThroughAScanFilterSkipsAnItemThatNoLongerMatchesIt() {
        changeItemOneAfterTheRead("scan", "name", "other");
        int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM Item i WHERE i.name = 'n'")
                .setHint("jynamo.scan", "allow").executeUpdate());
        assertEquals(3, deleted);
        assertNotNull(find(1));
        assertNull(find(3));
    }

    @Test
    void deleteByTheTableKeyAloneStillUsesBatchWriteItem() {
        int deleted = unit.fromTransaction(em -> em.createQuery("DELETE FROM Item i WHERE i.bucket = 'b' AND i.seq > 1")
                .executeUpdate());
        assertEquals(2, deleted);
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertEquals(0, unit.calls().count("deleteItem"));
        assertNotNull(find(1));
        assertNull(find(2));
    }

    @Test
    void explainShowsTheWriteConditionOfABulkUpdate() {
        String plan = unit.emf().createEntityManager().unwrap(io.jynamo.JynamoEntityManager.class)
                .explain("UPDATE Item i SET i.name = 'x' WHERE i.color = 'red' AND i.count >= 0");
        assertTrue(plan.contains("write if:"), plan);
        List<String> lines = plan.lines().filter(l -> l.startsWith("write if:")).toList();
        assertTrue(lines.get(0).contains("attribute_exists(key) AND"), plan);
    }
}
