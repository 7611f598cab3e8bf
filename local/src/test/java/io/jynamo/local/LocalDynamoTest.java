package io.jynamo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(JynamoLocalExtension.class)
class LocalDynamoTest {

    @Test
    void theExtensionInjectsAClientOfTheSharedEngine(DynamoDbClient client, LocalDynamo engine) {
        assertSame(LocalDynamo.shared(), engine);
        assertTrue(engine.endpoint().toString().startsWith("http://127.0.0.1:"), engine.endpoint().toString());
        client.createTable(b -> b.tableName("local-test").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        assertTrue(client.listTables().tableNames().contains("local-test"));
    }

    @Test
    void resetDeletesEveryTable() {
        // An engine of its own: the shared one holds the tables of factories other test classes keep.
        LocalDynamo engine = LocalDynamo.start(LocalDynamo.candidates());
        try (DynamoDbClient client = engine.newClient()) {
            client.createTable(b -> b.tableName("to-be-reset").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            engine.reset();
            assertEquals(List.of(), client.listTables().tableNames());
        } finally {
            engine.stop();
        }
    }

    @Test
    void emptyTablesDeletesEveryItemOfEveryRegionAndKeepsTheTables(LocalDynamo engine) {
        try (DynamoDbClient client = engine.newClient(); DynamoDbClient elsewhere = engine.newClient("eu-west-3")) {
            // Key names that are reserved words, a sort key, and more items than one batch holds.
            client.createTable(b -> b.tableName("to-be-emptied").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("name").keyType(KeyType.HASH), k -> k.attributeName("date").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("name").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("date").attributeType(ScalarAttributeType.N)));
            elsewhere.createTable(b -> b.tableName("to-be-emptied-too").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            for (int i = 0; i < 60; i++) {
                int n = i;
                client.putItem(b -> b.tableName("to-be-emptied").item(Map.of("name", AttributeValue.fromS("n" + n % 3),
                        "date", AttributeValue.fromN(Integer.toString(n)), "payload", AttributeValue.fromS("x".repeat(30_000)))));
            }
            elsewhere.putItem(b -> b.tableName("to-be-emptied-too").item(Map.of("id", AttributeValue.fromS("a"))));

            engine.emptyTables();

            assertEquals(0, client.scan(b -> b.tableName("to-be-emptied")).count());
            assertEquals(0, elsewhere.scan(b -> b.tableName("to-be-emptied-too")).count());
            assertTrue(client.listTables().tableNames().contains("to-be-emptied"));
            assertTrue(elsewhere.listTables().tableNames().contains("to-be-emptied-too"));
        }
    }

    @Test
    void aBatchWriteMayWriteOneKeyToTwoTablesButNotTwiceToOneAsDynamoDbSays(DynamoDbClient client) {
        for (String table : List.of("twin-a", "twin-b")) {
            client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        }
        var put = software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                .putRequest(r -> r.item(Map.of("id", AttributeValue.fromS("same")))).build();
        var delete = software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                .deleteRequest(r -> r.key(Map.of("id", AttributeValue.fromS("same")))).build();
        client.batchWriteItem(b -> b.requestItems(Map.of("twin-a", List.of(put), "twin-b", List.of(put))));
        assertTrue(client.getItem(b -> b.tableName("twin-b").key(Map.of("id", AttributeValue.fromS("same")))).hasItem());
        client.batchWriteItem(b -> b.requestItems(Map.of("twin-a", List.of(delete), "twin-b", List.of(delete))));
        assertTrue(!client.getItem(b -> b.tableName("twin-a").key(Map.of("id", AttributeValue.fromS("same")))).hasItem());
        var twice = assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
                () -> client.batchWriteItem(b -> b.requestItems(Map.of("twin-a", List.of(delete, delete)))));
        assertTrue(twice.getMessage().contains("duplicates"), twice.getMessage());
    }

    @Test
    void anEngineThatCannotStartIsExplainedWithTheCommandAndTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalDynamo.start(List.of(new LocalDynamo.Command(
                        List.of("/nonexistent/jynamo-engine"), "/nonexistent/jynamo-engine"))));
        assertTrue(e.getMessage().contains("/nonexistent/jynamo-engine"), e.getMessage());
        assertTrue(e.getMessage().contains("pip install"), e.getMessage());
    }
}
