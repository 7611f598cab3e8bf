package io.jynamo.examples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference walkthrough end to end on the embedded engine, with its exact DynamoDB calls. */
class WalkthroughTest {

    private static String output;
    private static Map<String, Map<String, Integer>> calls;

    @BeforeAll
    static void runWalkthrough() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        calls = new Walkthrough(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of("jynamo.endpoint", "embedded")).run();
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> callsOf(String stepStart) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(stepStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + stepStart + " in " + calls.keySet())).getValue();
    }

    @Test
    void saveIsOneBatchWrite() {
        assertEquals(Map.of("BatchWriteItem", 1), callsOf("user = UserModel("));
    }

    @Test
    void countOfTheTableIsOne() {
        assertTrue(output.contains("result: 1\n"), output);
    }

    @Test
    void refreshSeesTheOtherProcessesChangeAndDropsLocalOnes() {
        assertTrue(output.contains("firstName=Samuel, lastName=Smith"), output);
        assertEquals(Map.of("GetItem", 1), callsOf("user.refresh()"));
    }

    @Test
    void deleteIsOneBatchWrite() {
        assertEquals(1, callsOf("user.delete()").get("BatchWriteItem"));
    }

    @Test
    void queryByHashKeyAndPrefixFindsJaneAndJohn() {
        assertTrue(output.contains("[Jane Smith <jane@example.com>, John Smith <john@example.com>]"), output);
        assertEquals(Map.of("Query", 1), callsOf("UserModel.query('Smith', first_name.startswith('J'))"));
    }

    @Test
    void orFilterAddsTheDomainMatch() {
        assertTrue(output.contains("[Bob Smith <bob@domain.com>, Jane Smith <jane@example.com>, John Smith <john@example.com>]"), output);
        assertEquals(Map.of("Query", 1), callsOf("UserModel.query('Smith', first_name.startswith('J') |"));
    }

    @Test
    void countsUseQueryOnKeysAndIndexesAndScanOnlyWithoutKeys() {
        assertEquals(Map.of("Query", 1), callsOf("UserModel.count('Smith', first_name.startswith"));
        assertEquals(Map.of("Query", 1), callsOf("UserModel.custom_index.count"));
        assertEquals(Map.of("Scan", 1), callsOf("UserModel.count() -> SELECT COUNT(u) FROM NamedUser"));
        assertEquals(Map.of("Scan", 1), callsOf("UserModel.count(first_name == 'John') raises"));
        assertEquals(Map.of(), callsOf("... and refused before any call"));
        assertTrue(output.contains("refused: "), output);
    }

    @Test
    void hundredSavesAreFourBatchWrites() {
        assertEquals(Map.of("BatchWriteItem", 4), callsOf("with UserModel.batch_write() as batch: 100 x batch.save"));
    }

    @Test
    void hundredGetsAreOneBatchGet() {
        assertEquals(Map.of("BatchGetItem", 1), callsOf("UserModel.batch_get(100 keys)"));
        assertEquals(Map.of("BatchGetItem", 1), callsOf("... or em.unwrap(JynamoEntityManager.class).findAll"));
        assertTrue(output.contains("100 users, first user-0@example.com"), output);
    }

    @Test
    void hundredDeletesAreFourBatchWritesAndNoReads() {
        assertEquals(Map.of("BatchWriteItem", 4), callsOf("with UserModel.batch_write() as batch: 100 x batch.delete"));
    }

    @Test
    void aUsersPurchasesAreOneQueryOnTheForeignKeyIndex() {
        assertEquals(Map.of("BatchWriteItem", 1), callsOf("Save three users and five purchases"));
        assertEquals(Map.of("GetItem", 1, "Query", 1), callsOf("A user's purchases"));
        assertTrue(output.contains("[p1 (10), p2 (20), p3 (30)]"), output);
    }

    @Test
    void theCustomersOfManyPurchasesAreOneBatchGet() {
        assertEquals(Map.of("BatchGetItem", 2), callsOf("Five purchases by key, then each one's customer"));
        assertTrue(output.contains("[p1 by Bea, p2 by Bea, p3 by Bea, p4 by Sid, p5 by Tia]"), output);
    }

    @Test
    void everyStepIsPrinted() {
        for (String s : List.of("== 1. UserModel.create_table", "DynamoDB calls:", "Drop the tables")) {
            assertTrue(output.contains(s), s);
        }
    }
}
