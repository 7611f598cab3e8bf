package io.jynamo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;

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
    void resetEmptiesTheEngine(LocalDynamo engine) {
        try (DynamoDbClient client = engine.newClient()) {
            client.createTable(b -> b.tableName("to-be-reset").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
            engine.reset();
            assertEquals(List.of(), client.listTables().tableNames());
        }
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
