package io.jynamo.tck.schema;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code update} schema action: a live table made by an older model gains the indexes and time to live
 * the model now declares, missing tables are created, and nothing is dropped; a second run changes nothing.
 */
class SchemaUpdateTest {

    private static EntityManagerFactory factory(String prefix, Calls calls, Class<?>... classes) {
        PersistenceConfiguration c = new PersistenceConfiguration("update-" + prefix + System.nanoTime());
        for (Class<?> type : classes) {
            c.managedClass(type);
        }
        return c.property(JynamoProperties.CLIENT, calls.client())
                .property(JynamoProperties.TABLE_PREFIX, prefix)
                .property(JynamoProperties.SCHEMA_ACTION, "update")
                .createEntityManagerFactory();
    }

    private static TableDescription describe(String table) {
        return TestUnit.sharedClient().describeTable(b -> b.tableName(table)).table();
    }

    @Test
    void updateAddsTheMissingIndexAndTimeToLiveAndTablesKeepingTheData() {
        TestUnit old = TestUnit.of(DocV1.class).build();
        String prefix = old.prefix();
        old.inTransaction(em -> {
            em.persist(new DocV1("d1", "ann", "Plans"));
            em.persist(new DocV1("d2", "bob", "Notes"));
            em.persist(new DocV1("d3", "ann", "Drafts"));
        });
        old.emf().close(); // closing the factory itself keeps the tables (TestUnit.close would drop them)
        assertTrue(!describe(prefix + "doc").hasGlobalSecondaryIndexes() || describe(prefix + "doc").globalSecondaryIndexes().isEmpty());

        Calls calls = new Calls(TestUnit.sharedClient());
        EntityManagerFactory emf = factory(prefix, calls, DocV2.class, Folder.class);
        try {
            assertEquals(2, calls.count("updateTable"), "one UpdateTable per missing global index");
            List<String> order = calls.log().stream().map(Calls.Call::operation)
                    .filter(o -> o.equals("updateTable") || o.equals("describeTable")).toList();
            int first = order.indexOf("updateTable");
            assertEquals("describeTable", order.get(first + 1),
                    "DynamoDB builds one index at a time: the first is waited for before the second is asked: " + order);
            UpdateTableRequest added = calls.<UpdateTableRequest>requests("updateTable").get(0);
            var create = added.globalSecondaryIndexUpdates().get(0).create();
            assertEquals("byOwner", create.indexName());
            assertEquals(List.of(AttributeDefinition.builder().attributeName("owner").attributeType(ScalarAttributeType.S).build()),
                    added.attributeDefinitions(), "DynamoDB needs the definitions of the new index's keys");
            assertNotNull(create.provisionedThroughput(), "an index of a provisioned table needs its own throughput");
            assertEquals(2L, create.provisionedThroughput().readCapacityUnits());
            assertEquals(3L, create.provisionedThroughput().writeCapacityUnits());

            TableDescription doc = describe(prefix + "doc");
            assertEquals(List.of("byOwner", "byTitle"), doc.globalSecondaryIndexes().stream()
                    .map(GlobalSecondaryIndexDescription::indexName).sorted().toList());
            for (GlobalSecondaryIndexDescription g : doc.globalSecondaryIndexes()) {
                assertEquals("ACTIVE", g.indexStatusAsString(), "waited for before going on");
            }
            assertEquals("ENABLED", TestUnit.sharedClient().describeTimeToLive(b -> b.tableName(prefix + "doc"))
                    .timeToLiveDescription().timeToLiveStatusAsString());
            assertEquals("expiresAt", TestUnit.sharedClient().describeTimeToLive(b -> b.tableName(prefix + "doc"))
                    .timeToLiveDescription().attributeName());
            assertEquals(1, calls.count("createTable"), "the missing table, and only it, is created");
            assertEquals("ACTIVE", describe(prefix + "Folder").tableStatusAsString());
            assertEquals(0, calls.count("deleteTable"));

            calls.reset();
            var em = emf.createEntityManager();
            try {
                assertEquals("Plans", em.find(DocV2.class, "d1").getTitle(), "the data is intact");
                List<String> anns = em.createQuery("SELECT d.id FROM Doc d WHERE d.owner = 'ann'", String.class)
                        .getResultList().stream().sorted().toList();
                assertEquals(List.of("d1", "d3"), anns);
                assertEquals(1, calls.count("query"), "the new index serves the query");
                assertEquals(0, calls.count("scan"));
            } finally {
                em.close();
            }
        } finally {
            emf.close();
        }

        Calls again = new Calls(TestUnit.sharedClient());
        EntityManagerFactory second = factory(prefix, again, DocV2.class, Folder.class);
        try {
            assertEquals(0, again.count("updateTable") + again.count("createTable") + again.count("updateTimeToLive")
                    + again.count("deleteTable"), "a model the tables already match changes nothing: " + again.log());
            assertEquals(2, again.count("describeTable"), "one DescribeTable a table");
            assertEquals(1, again.count("describeTimeToLive"), "one DescribeTimeToLive a table with @TimeToLive");
            assertEquals(3, again.total());
        } finally {
            second.getSchemaManager().drop(true);
            second.close();
        }
    }

    @Test
    void anIndexAddedToAnOnDemandTableCarriesNoThroughputWhateverTheMappingSays() {
        TestUnit old = TestUnit.of(BinV1.class).build();
        String prefix = old.prefix();
        old.inTransaction(em -> em.persist(new BinV1("b1", "tools")));
        old.emf().close();
        Calls calls = new Calls(TestUnit.sharedClient());
        EntityManagerFactory emf = factory(prefix, calls, BinV2.class);
        try {
            UpdateTableRequest added = calls.<UpdateTableRequest>requests("updateTable").get(0);
            assertNull(added.globalSecondaryIndexUpdates().get(0).create().provisionedThroughput(),
                    "DynamoDB rejects throughput for an index of an on-demand table");
            assertEquals("PAY_PER_REQUEST", describe(prefix + "bin").billingModeSummary().billingModeAsString(),
                    "update never changes the billing mode");
            var em = emf.createEntityManager();
            try {
                assertEquals(List.of("b1"), em.createQuery("SELECT b.id FROM Bin b WHERE b.label = 'tools'", String.class)
                        .getResultList());
            } finally {
                em.close();
            }
        } finally {
            emf.getSchemaManager().drop(true);
            emf.close();
        }
    }

    @Test
    void anIndexOfTheSameNameButOtherKeysIsLeftAloneWithAWarning() {
        String prefix = "upd" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
        TestUnit.sharedClient().createTable(b -> b.tableName(prefix + "bin").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("shelf").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byLabel").keySchema(k -> k.attributeName("shelf").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL"))));
        Calls calls = new Calls(TestUnit.sharedClient());
        EntityManagerFactory[] emf = new EntityManagerFactory[1];
        List<java.util.logging.LogRecord> records = io.jynamo.tck.support.Logs.during("io.jynamo",
                () -> emf[0] = factory(prefix, calls, BinV2.class));
        try {
            assertEquals(0, calls.count("updateTable") + calls.count("deleteTable"), "update never drops an index");
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == java.util.logging.Level.WARNING
                            && r.getMessage().contains("byLabel") && r.getMessage().contains("[shelf HASH]")
                            && r.getMessage().contains("[label HASH]")),
                    () -> records.stream().map(java.util.logging.LogRecord::getMessage).toList().toString());
        } finally {
            emf[0].getSchemaManager().drop(true);
            emf[0].close();
        }
    }

    @Test
    void updateOnAnEmptyPrefixCreatesEveryTableAsCreateWould() {
        Calls calls = new Calls(TestUnit.sharedClient());
        String prefix = "upd" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
        EntityManagerFactory emf = factory(prefix, calls, DocV2.class, Folder.class);
        try {
            assertEquals(2, calls.count("createTable"));
            assertEquals(0, calls.count("updateTable"), "the indexes come with CreateTable");
            assertEquals(2, describe(prefix + "doc").globalSecondaryIndexes().size());
            assertEquals(1, calls.count("updateTimeToLive"));
        } finally {
            emf.getSchemaManager().drop(true);
            emf.close();
        }
    }
}
