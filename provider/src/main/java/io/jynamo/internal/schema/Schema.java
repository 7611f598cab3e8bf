package io.jynamo.internal.schema;

import io.jynamo.internal.config.SchemaAction;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.IndexMeta;
import io.jynamo.internal.metadata.Metadata;
import io.jynamo.jpql.ValueKind;
import jakarta.persistence.SchemaManager;
import jakarta.persistence.SchemaValidationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Schema generation: creates, drops, validates and truncates the tables of a unit's entities.
 * Tables are created with their key schema, global indexes (projection ALL), local indexes,
 * {@code @Capacity} (or on-demand) and {@code @TimeToLive}, and waited for until ACTIVE.
 */
public final class Schema implements SchemaManager {

    private static final System.Logger LOG = System.getLogger(Schema.class.getName());

    private final Metadata metadata;
    private final Dynamo dynamo;

    public Schema(Metadata metadata, Dynamo dynamo) {
        this.metadata = metadata;
        this.dynamo = dynamo;
    }

    /** Runs the unit's {@code jakarta.persistence.schema-generation.database.action}. */
    public void run(SchemaAction action) {
        switch (action) {
            case NONE -> {
            }
            case CREATE -> create(true);
            case DROP_AND_CREATE -> {
                drop(true);
                create(true);
            }
            case DROP -> drop(true);
        }
    }

    @Override
    public void create(boolean createSchemas) {
        java.util.Set<String> created = new java.util.HashSet<>();
        for (EntityMeta e : metadata.tables()) {
            if (dynamo.describeTable(e.tableName()) != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Table " + e.tableName() + " exists; not creating it");
                continue;
            }
            try {
                dynamo.createTable(createRequest(e));
                created.add(e.tableName());
                LOG.log(System.Logger.Level.INFO, () -> "Created table " + e.tableName() + " for entity " + e.name());
            } catch (ResourceInUseException ex) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Table " + e.tableName() + " was created meanwhile");
            }
        }
        for (EntityMeta e : metadata.tables()) {
            dynamo.awaitTable(e.tableName(), true);
            // DynamoDB rejects enabling a time to live that is already enabled, so an existing table is asked first.
            if (e.timeToLive() != null && (created.contains(e.tableName()) || !dynamo.timeToLiveEnabled(e.tableName()))) {
                dynamo.enableTimeToLive(e.tableName(), e.timeToLive().storedName());
            }
        }
    }

    /** The CreateTable request of an entity. */
    public static CreateTableRequest createRequest(EntityMeta e) {
        Map<String, ScalarAttributeType> definitions = new LinkedHashMap<>();
        define(definitions, e.partitionKey());
        define(definitions, e.sortKey());
        ProvisionedThroughput throughput = e.capacity() == null ? null
                : ProvisionedThroughput.builder().readCapacityUnits(e.capacity().read())
                .writeCapacityUnits(e.capacity().write()).build();
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (IndexMeta index : e.indexes()) {
            define(definitions, index.partitionKey());
            define(definitions, index.sortKey());
            Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
            if (index.global()) {
                globals.add(GlobalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(keySchema(index.partitionKey(), index.sortKey())).projection(all)
                        .provisionedThroughput(throughput).build());
            } else {
                locals.add(LocalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(keySchema(index.partitionKey(), index.sortKey())).projection(all).build());
            }
        }
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(e.tableName())
                .keySchema(keySchema(e.partitionKey(), e.sortKey()))
                .attributeDefinitions(definitions.entrySet().stream()
                        .map(d -> AttributeDefinition.builder().attributeName(d.getKey()).attributeType(d.getValue()).build())
                        .toList());
        if (throughput == null) {
            b.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput);
        }
        if (!globals.isEmpty()) {
            b.globalSecondaryIndexes(globals);
        }
        if (!locals.isEmpty()) {
            b.localSecondaryIndexes(locals);
        }
        return b.build();
    }

    private static void define(Map<String, ScalarAttributeType> definitions, AttributeMeta a) {
        if (a != null) {
            definitions.put(a.storedName(), scalar(a.kind()));
        }
    }

    private static ScalarAttributeType scalar(ValueKind kind) {
        return switch (kind) {
            case STRING -> ScalarAttributeType.S;
            case NUMBER -> ScalarAttributeType.N;
            case BINARY -> ScalarAttributeType.B;
            default -> throw new IllegalStateException("not a key kind: " + kind);
        };
    }

    private static List<KeySchemaElement> keySchema(AttributeMeta pk, AttributeMeta sk) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(pk.storedName()).keyType(KeyType.HASH).build());
        if (sk != null) {
            keys.add(KeySchemaElement.builder().attributeName(sk.storedName()).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    @Override
    public void drop(boolean dropSchemas) {
        List<String> dropped = new ArrayList<>();
        for (EntityMeta e : metadata.tables()) {
            try {
                dynamo.deleteTable(e.tableName());
                dropped.add(e.tableName());
                LOG.log(System.Logger.Level.INFO, () -> "Dropped table " + e.tableName());
            } catch (ResourceNotFoundException ex) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Table " + e.tableName() + " does not exist; nothing to drop");
            }
        }
        for (String table : dropped) {
            dynamo.awaitTable(table, false);
        }
    }

    @Override
    public void validate() throws SchemaValidationException {
        List<String> problems = new ArrayList<>();
        for (EntityMeta e : metadata.tables()) {
            TableDescription t = dynamo.describeTable(e.tableName());
            String where = "Table " + e.tableName() + " (entity " + e.name() + ")";
            if (t == null) {
                problems.add(where + " does not exist");
                continue;
            }
            CreateTableRequest expected = createRequest(e);
            if (!Objects.equals(expected.keySchema(), t.keySchema())) {
                problems.add(where + " has key schema " + render(t.keySchema()) + ", expected " + render(expected.keySchema()));
            }
            Map<String, ScalarAttributeType> actualTypes = new LinkedHashMap<>();
            t.attributeDefinitions().forEach(d -> actualTypes.put(d.attributeName(), d.attributeType()));
            for (AttributeDefinition d : expected.attributeDefinitions()) {
                ScalarAttributeType actual = actualTypes.get(d.attributeName());
                if (actual != null && actual != d.attributeType()) {
                    problems.add(where + " key attribute '" + d.attributeName() + "' is of type " + actual
                            + ", expected " + d.attributeType());
                }
            }
            Map<String, List<KeySchemaElement>> actualIndexes = new LinkedHashMap<>();
            if (t.hasGlobalSecondaryIndexes()) {
                for (GlobalSecondaryIndexDescription g : t.globalSecondaryIndexes()) {
                    actualIndexes.put("global index " + g.indexName(), g.keySchema());
                }
            }
            if (t.hasLocalSecondaryIndexes()) {
                for (LocalSecondaryIndexDescription l : t.localSecondaryIndexes()) {
                    actualIndexes.put("local index " + l.indexName(), l.keySchema());
                }
            }
            Map<String, List<KeySchemaElement>> expectedIndexes = new LinkedHashMap<>();
            expected.globalSecondaryIndexes().forEach(g -> expectedIndexes.put("global index " + g.indexName(), g.keySchema()));
            expected.localSecondaryIndexes().forEach(l -> expectedIndexes.put("local index " + l.indexName(), l.keySchema()));
            expectedIndexes.forEach((name, keys) -> {
                List<KeySchemaElement> actual = actualIndexes.get(name);
                if (actual == null) {
                    problems.add(where + " lacks " + name + " " + render(keys));
                } else if (!actual.equals(keys)) {
                    problems.add(where + " " + name + " has keys " + render(actual) + ", expected " + render(keys));
                }
            });
            actualIndexes.keySet().stream().filter(n -> !expectedIndexes.containsKey(n))
                    .forEach(n -> problems.add(where + " has " + n + ", which no mapping declares"));
        }
        if (!problems.isEmpty()) {
            throw new SchemaValidationException("Schema validation found " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static String render(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.attributeName() + " " + k.keyType()).toList().toString();
    }

    @Override
    public void truncate() {
        for (EntityMeta e : metadata.tables()) {
            List<String> keyNames = new ArrayList<>();
            keyNames.add(e.partitionKey().storedName());
            if (e.sortKey() != null) {
                keyNames.add(e.sortKey().storedName());
            }
            Map<String, String> names = new LinkedHashMap<>();
            for (int i = 0; i < keyNames.size(); i++) {
                names.put("#k" + i, keyNames.get(i));
            }
            Map<String, AttributeValue> start = null;
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(e.tableName())
                        .projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names);
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo.scanPage(scan.build());
                List<Dynamo.TableWrite> deletes = page.items().stream()
                        .map(item -> new Dynamo.TableWrite(e.tableName(),
                                WriteRequest.builder().deleteRequest(d -> d.key(item)).build(), item))
                        .toList();
                List<Dynamo.TableWrite> failed = dynamo.batchWrite(deletes);
                if (!failed.isEmpty()) {
                    throw new io.jynamo.JynamoException("Truncating " + e.tableName() + " left " + failed.size()
                            + " items undeleted after retries");
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
    }
}
