package io.jynamo.tck.schema;

import io.jynamo.JynamoProperties;
import io.jynamo.tck.model.Event;
import io.jynamo.tck.model.Lease;
import io.jynamo.tck.model.Person;
import io.jynamo.tck.model.User;
import io.jynamo.tck.support.Calls;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.SchemaValidationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema generation (JPA 3.2 section 9.4 and the SchemaManager of section 7.12): tables with their
 * keys, indexes and billing mode; drop; drop-and-create; validate; truncate.
 */
class SchemaTest {

    private static DynamoDbClient client() {
        return TestUnit.sharedClient();
    }

    private static TableDescription describe(String table) {
        return client().describeTable(b -> b.tableName(table)).table();
    }

    private static boolean exists(String table) {
        try {
            describe(table);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyType()).toList();
    }

    private static Map<String, ScalarAttributeType> definitions(TableDescription t) {
        return t.attributeDefinitions().stream().collect(Collectors.toMap(d -> d.attributeName(), d -> d.attributeType()));
    }

    @Test
    void createMakesTableWithKeySchemaAndProvisionedCapacity() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            TableDescription t = describe(unit.prefix() + "dynamodb-user");
            assertEquals(List.of("email:HASH"), keys(t.keySchema()));
            assertEquals(ScalarAttributeType.S, definitions(t).get("email"));
            // @Capacity(read = 1, write = 1) on User: provisioned.
            assertEquals(BillingMode.PROVISIONED, billing(t));
            assertEquals(1L, t.provisionedThroughput().readCapacityUnits());
            assertEquals(1L, t.provisionedThroughput().writeCapacityUnits());
        }
    }

    private static BillingMode billing(TableDescription t) {
        // A table never switched reports no billing mode summary: that means PROVISIONED.
        return t.billingModeSummary() == null ? BillingMode.PROVISIONED : t.billingModeSummary().billingMode();
    }

    @Test
    void createWithoutCapacityIsOnDemand() {
        try (TestUnit unit = TestUnit.of(Person.class).build()) {
            assertEquals(BillingMode.PAY_PER_REQUEST, billing(describe(unit.prefix() + "person")));
        }
    }

    @Test
    void createMakesGlobalIndexWithProjectionAll() {
        try (TestUnit unit = TestUnit.of(Person.class).build()) {
            TableDescription t = describe(unit.prefix() + "person");
            assertEquals(List.of("lastName:HASH", "firstName:RANGE"), keys(t.keySchema()));
            assertEquals(1, t.globalSecondaryIndexes().size());
            GlobalSecondaryIndexDescription gsi = t.globalSecondaryIndexes().get(0);
            assertEquals("byEmail", gsi.indexName());
            assertEquals(List.of("email:HASH"), keys(gsi.keySchema()));
            assertEquals(ProjectionType.ALL, gsi.projection().projectionType());
            assertEquals(ScalarAttributeType.S, definitions(t).get("email"));
        }
    }

    @Test
    void createMakesLocalIndexAndTwoKeyGlobalIndex() {
        try (TestUnit unit = TestUnit.of(Event.class).build()) {
            TableDescription t = describe(unit.prefix() + "event");
            assertEquals(List.of("stream:HASH", "at:RANGE"), keys(t.keySchema()));
            assertEquals(ScalarAttributeType.N, definitions(t).get("at"), "a long sort key is a number");
            LocalSecondaryIndexDescription lsi = t.localSecondaryIndexes().get(0);
            assertEquals("byKind", lsi.indexName());
            assertEquals(List.of("stream:HASH", "kind:RANGE"), keys(lsi.keySchema()));
            assertEquals(ProjectionType.ALL, lsi.projection().projectionType());
            GlobalSecondaryIndexDescription gsi = t.globalSecondaryIndexes().get(0);
            assertEquals("byKindAndTime", gsi.indexName());
            assertEquals(List.of("kind:HASH", "at:RANGE"), keys(gsi.keySchema()));
        }
    }

    @Test
    void createKeepsExistingTablesAndTheirItems() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> em.persist(new User("keep@x", "K", "X")));
            unit.emf().getSchemaManager().create(true);
            assertNotNull(unit.fromTransaction(em -> em.find(User.class, "keep@x")));
        }
    }

    @Test
    void timeToLiveOnAnInstantIsStoredAsEpochSecondsAndEnabledOnce() {
        try (TestUnit unit = TestUnit.of(Lease.class).build()) {
            java.time.Instant at = java.time.Instant.ofEpochSecond(2_000_000_000L);
            unit.inTransaction(em -> em.persist(new Lease("l1", at)));
            var item = client().getItem(b -> b.tableName(unit.prefix() + "Lease")
                    .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("l1")))).item();
            assertEquals("2000000000", item.get("expiresAt").n(), "DynamoDB only expires items by a number of epoch seconds");
            assertEquals(at, unit.fromTransaction(em -> em.find(Lease.class, "l1")).getExpiresAt());
            assertEquals("ENABLED", client().describeTimeToLive(b -> b.tableName(unit.prefix() + "Lease"))
                    .timeToLiveDescription().timeToLiveStatusAsString());
            unit.calls().reset();
            unit.emf().getSchemaManager().create(true);
            assertEquals(0, unit.calls().count("updateTimeToLive"),
                    "DynamoDB rejects enabling TTL that is already enabled, so create on an existing table must not");
        }
    }

    @Test
    void dropDeletesTables() {
        TestUnit unit = TestUnit.of(User.class, Person.class).build();
        try {
            assertTrue(exists(unit.prefix() + "dynamodb-user"));
            unit.emf().getSchemaManager().drop(true);
            assertFalse(exists(unit.prefix() + "dynamodb-user"));
            assertFalse(exists(unit.prefix() + "person"));
            unit.emf().getSchemaManager().drop(true); // dropping what is gone is not an error
        } finally {
            unit.close();
        }
    }

    @Test
    void dropActionAtBootstrapDeletesTables() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            var emf = new jakarta.persistence.PersistenceConfiguration("tck-drop")
                    .managedClass(User.class)
                    .property(JynamoProperties.CLIENT, client())
                    .property(JynamoProperties.TABLE_PREFIX, unit.prefix())
                    .property(JynamoProperties.SCHEMA_ACTION, "drop")
                    .createEntityManagerFactory();
            emf.close();
            assertFalse(exists(unit.prefix() + "dynamodb-user"));
        }
    }

    @Test
    void dropAndCreateEmptiesExistingTables() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> em.persist(new User("old@x", "O", "X")));
            var emf = new jakarta.persistence.PersistenceConfiguration("tck-recreate")
                    .managedClass(User.class)
                    .property(JynamoProperties.CLIENT, client())
                    .property(JynamoProperties.TABLE_PREFIX, unit.prefix())
                    .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create")
                    .createEntityManagerFactory();
            try {
                assertTrue(exists(unit.prefix() + "dynamodb-user"));
                assertEquals(0, client().scan(b -> b.tableName(unit.prefix() + "dynamodb-user")).count());
            } finally {
                emf.close();
            }
        }
    }

    @Test
    void noneActionLeavesTablesAlone() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.inTransaction(em -> em.persist(new User("stay@x", "S", "X")));
            var emf = new jakarta.persistence.PersistenceConfiguration("tck-none")
                    .managedClass(User.class)
                    .property(JynamoProperties.CLIENT, client())
                    .property(JynamoProperties.TABLE_PREFIX, unit.prefix())
                    .property(JynamoProperties.SCHEMA_ACTION, "none")
                    .createEntityManagerFactory();
            emf.close();
            assertEquals(1, client().scan(b -> b.tableName(unit.prefix() + "dynamodb-user")).count());
        }
    }

    @Test
    void validatePassesOnFreshSchema() throws SchemaValidationException {
        try (TestUnit unit = TestUnit.of(User.class, Person.class, Event.class).build()) {
            unit.emf().getSchemaManager().validate();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void validateReportsEveryMismatchByName() {
        try (TestUnit unit = TestUnit.of(User.class, Person.class, Event.class).build()) {
            String user = unit.prefix() + "dynamodb-user";
            String person = unit.prefix() + "person";
            String event = unit.prefix() + "event";
            // User's table goes away; Person's comes back with the wrong sort key and no index;
            // Event's comes back with a number where a string key was mapped, and an extra index.
            client().deleteTable(b -> b.tableName(user));
            client().deleteTable(b -> b.tableName(person));
            client().createTable(b -> b.tableName(person).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("lastName").keyType(KeyType.HASH),
                            k -> k.attributeName("email").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("lastName").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("email").attributeType(ScalarAttributeType.S)));
            client().deleteTable(b -> b.tableName(event));
            client().createTable(b -> b.tableName(event).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("stream").keyType(KeyType.HASH),
                            k -> k.attributeName("at").keyType(KeyType.RANGE))
                    .attributeDefinitions(a -> a.attributeName("stream").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("at").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("kind").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexes(g -> g.indexName("stray").keySchema(k -> k.attributeName("kind").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            SchemaValidationException e = assertThrows(SchemaValidationException.class,
                    () -> unit.emf().getSchemaManager().validate());
            String message = e.getMessage();
            for (String expected : new String[] {user, "does not exist", person, "firstName", "byEmail",
                    event, "stream", "byKind", "byKindAndTime", "stray"}) {
                assertTrue(message.contains(expected), () -> "validation should name '" + expected + "':\n" + message);
            }
        }
    }

    @Test
    void truncateEmptiesEveryTable() {
        try (TestUnit unit = TestUnit.of(User.class, Person.class).build()) {
            unit.inTransaction(em -> {
                for (int i = 0; i < 30; i++) {
                    em.persist(new User("u" + i + "@x", "U", "X"));
                }
                em.persist(new Person("Smith", "Jo", "jo@x", 3));
            });
            unit.emf().getSchemaManager().truncate();
            assertEquals(0, client().scan(b -> b.tableName(unit.prefix() + "dynamodb-user")).count());
            assertEquals(0, client().scan(b -> b.tableName(unit.prefix() + "person")).count());
            assertTrue(exists(unit.prefix() + "dynamodb-user"), "truncate keeps the tables");
        }
    }

    /** Every call of the operations is throttled once, the way DynamoDB answers a burst of control-plane calls. */
    private static Calls.Fault throttledOnceEach(String... operations) {
        java.util.Set<String> left = java.util.concurrent.ConcurrentHashMap.newKeySet();
        left.addAll(List.of(operations));
        return (op, request, real) -> {
            if (left.remove(op)) {
                throw DynamoDbException.builder().statusCode(400).message("injected throttling")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
            }
            return real.call(request);
        };
    }

    @Test
    void throttledSchemaCallsAreRetriedWithinTheBudget() {
        try (TestUnit unit = TestUnit.of(User.class).build()) {
            unit.emf().getSchemaManager().drop(true);
            unit.calls().reset();
            unit.calls().fault(throttledOnceEach("describeTable", "createTable", "describeTimeToLive", "updateTimeToLive"));
            unit.emf().getSchemaManager().create(true);
            assertTrue(exists(unit.prefix() + "dynamodb-user"));
            assertEquals(2, unit.calls().count("createTable"), "the throttled CreateTable is sent again");

            unit.inTransaction(em -> em.persist(new User("a@x", "A", "X")));
            unit.calls().reset();
            unit.calls().fault(throttledOnceEach("scan"));
            unit.emf().getSchemaManager().truncate();
            assertEquals(2, unit.calls().count("scan"), "the throttled Scan page is read again");
            assertEquals(0, client().scan(b -> b.tableName(unit.prefix() + "dynamodb-user")).count());
        }
    }

    @Test
    void aRetriedSchemaCallGetsNoMoreTimeThanTheRetryBudgetHasLeft() {
        try (TestUnit unit = TestUnit.of(User.class).property(JynamoProperties.RETRY_MAX_MILLIS, "5000").build()) {
            unit.emf().getSchemaManager().drop(true);
            Calls.Fault throttled = throttledOnceEach("createTable");
            unit.calls().fault((op, request, real) -> {
                Thread.sleep(100); // the retry starts past the grace of 50 ms, when it needs a bound of its own
                return throttled.apply(op, request, real);
            });
            unit.emf().getSchemaManager().create(true);
            List<CreateTableRequest> creates = unit.calls().requests("createTable");
            assertEquals(2, creates.size());
            // The first call is bounded by the client's own timeouts; the retry by what the budget has left.
            java.time.Duration timeout = creates.get(1).overrideConfiguration()
                    .flatMap(o -> o.apiCallTimeout()).orElseThrow();
            assertTrue(timeout.toMillis() <= 4_900 && timeout.toMillis() > 0, timeout.toString());
        }
    }
}
