package io.jynamo.internal.schema;

import io.jynamo.internal.config.SchemaAction;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.idgen.IdGenerators;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.IdGeneratorMeta;
import io.jynamo.internal.metadata.IndexMeta;
import io.jynamo.internal.metadata.Metadata;
import io.jynamo.jpql.ValueKind;
import jakarta.persistence.SchemaManager;
import jakarta.persistence.SchemaValidationException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
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
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
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
            case UPDATE -> update();
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
            if (createTable(e)) {
                created.add(e.tableName());
            }
        }
        createGeneratorTables();
        for (EntityMeta e : metadata.tables()) {
            dynamo.awaitTable(e.tableName(), true);
            // DynamoDB rejects enabling a time to live that is already enabled, so an existing table is asked first.
            if (e.timeToLive() != null && (created.contains(e.tableName()) || !dynamo.timeToLiveEnabled(e.tableName()))) {
                dynamo.enableTimeToLive(e.tableName(), e.timeToLive().storedName());
            }
        }
    }

    /** Creates an entity's table; {@code false} when another process created it meanwhile. */
    private boolean createTable(EntityMeta e) {
        try {
            dynamo.createTable(createRequest(e));
            LOG.log(System.Logger.Level.INFO, () -> "Created table " + e.tableName() + " for entity " + e.name());
            return true;
        } catch (ResourceInUseException ex) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Table " + e.tableName() + " was created meanwhile");
            return false;
        }
    }

    /**
     * The {@code update} action: brings live tables up to the model without dropping anything. Creates missing
     * tables (as {@link #create}), adds each missing global secondary index with its own UpdateTable and waits
     * until it is ACTIVE before the next one (DynamoDB builds one index at a time per table), and enables time to
     * live. What cannot be changed on a live table (key schema, local indexes, an index's keys) is logged as a
     * warning and left alone; {@link #validate()} reports it. A table already up to date costs one DescribeTable
     * (and one DescribeTimeToLive with {@code @TimeToLive}) and no change.
     */
    public void update() {
        createGeneratorTables();
        java.util.Set<String> created = new java.util.HashSet<>();
        for (EntityMeta e : metadata.tables()) {
            TableDescription t = dynamo.describeTable(e.tableName());
            if (t == null) {
                if (createTable(e)) {
                    created.add(e.tableName());
                }
                dynamo.awaitTable(e.tableName(), true);
                continue;
            }
            if (!activeWithIndexes(t)) {
                dynamo.awaitTable(e.tableName(), true);
                t = dynamo.describeTable(e.tableName());
            }
            addMissingIndexes(e, t);
        }
        for (EntityMeta e : metadata.tables()) {
            // DynamoDB rejects enabling a time to live that is already enabled, so an existing table is asked first.
            if (e.timeToLive() != null && (created.contains(e.tableName()) || !dynamo.timeToLiveEnabled(e.tableName()))) {
                dynamo.enableTimeToLive(e.tableName(), e.timeToLive().storedName());
                LOG.log(System.Logger.Level.INFO, () -> "Enabled time to live on " + e.tableName() + "."
                        + e.timeToLive().storedName());
            }
        }
    }

    private static boolean activeWithIndexes(TableDescription t) {
        return "ACTIVE".equals(t.tableStatusAsString()) && (!t.hasGlobalSecondaryIndexes()
                || t.globalSecondaryIndexes().stream().allMatch(g -> g.indexStatus() == null
                || "ACTIVE".equals(g.indexStatusAsString())));
    }

    /** One UpdateTable per global index the model declares and the live table lacks, each waited for. */
    private void addMissingIndexes(EntityMeta e, TableDescription t) {
        CreateTableRequest expected = createRequest(e);
        Map<String, List<KeySchemaElement>> liveGlobals = new LinkedHashMap<>();
        if (t.hasGlobalSecondaryIndexes()) {
            t.globalSecondaryIndexes().forEach(g -> liveGlobals.put(g.indexName(), g.keySchema()));
        }
        java.util.Set<String> liveLocals = new java.util.HashSet<>();
        if (t.hasLocalSecondaryIndexes()) {
            t.localSecondaryIndexes().forEach(l -> liveLocals.add(l.indexName()));
        }
        for (LocalSecondaryIndex l : expected.localSecondaryIndexes()) {
            if (!liveLocals.contains(l.indexName())) {
                LOG.log(System.Logger.Level.WARNING, () -> "Table " + e.tableName() + " (entity " + e.name()
                        + ") lacks local index " + l.indexName() + ", which DynamoDB can only create with the table;"
                        + " left alone. Copy the data to a new table to add it");
            }
        }
        Map<String, ScalarAttributeType> definitions = new LinkedHashMap<>();
        expected.attributeDefinitions().forEach(d -> definitions.put(d.attributeName(), d.attributeType()));
        Map<String, ScalarAttributeType> liveTypes = new LinkedHashMap<>();
        t.attributeDefinitions().forEach(d -> liveTypes.put(d.attributeName(), d.attributeType()));
        boolean provisioned = t.billingModeSummary() == null
                ? t.provisionedThroughput() != null && t.provisionedThroughput().readCapacityUnits() != null
                && t.provisionedThroughput().readCapacityUnits() > 0
                : t.billingModeSummary().billingMode() == BillingMode.PROVISIONED;
        for (GlobalSecondaryIndex g : expected.globalSecondaryIndexes()) {
            List<KeySchemaElement> liveKeys = liveGlobals.get(g.indexName());
            if (liveKeys != null) {
                if (!liveKeys.equals(g.keySchema())) {
                    LOG.log(System.Logger.Level.WARNING, () -> "Table " + e.tableName() + " (entity " + e.name()
                            + ") global index " + g.indexName() + " has keys " + render(liveKeys) + ", the mapping "
                            + render(g.keySchema()) + "; left alone (update never drops an index): rename the index"
                            + " in the mapping to add a new one");
                }
                continue;
            }
            List<AttributeDefinition> keyDefinitions = new ArrayList<>();
            String conflict = null;
            for (KeySchemaElement k : g.keySchema()) {
                ScalarAttributeType type = definitions.get(k.attributeName());
                ScalarAttributeType live = liveTypes.get(k.attributeName());
                if (live != null && live != type) {
                    conflict = "key attribute '" + k.attributeName() + "' is of type " + live + " on the table, "
                            + type + " in the mapping";
                }
                keyDefinitions.add(AttributeDefinition.builder().attributeName(k.attributeName()).attributeType(type).build());
            }
            if (conflict != null) {
                String why = conflict;
                LOG.log(System.Logger.Level.WARNING, () -> "Table " + e.tableName() + " (entity " + e.name()
                        + "): not adding global index " + g.indexName() + ": " + why);
                continue;
            }
            CreateGlobalSecondaryIndexAction.Builder create =
                    CreateGlobalSecondaryIndexAction.builder()
                            .indexName(g.indexName()).keySchema(g.keySchema()).projection(g.projection());
            if (provisioned) {
                // A provisioned table's new index needs its own throughput: the mapping's @Capacity, else the table's.
                create.provisionedThroughput(g.provisionedThroughput() != null ? g.provisionedThroughput()
                        : ProvisionedThroughput.builder().readCapacityUnits(t.provisionedThroughput().readCapacityUnits())
                        .writeCapacityUnits(t.provisionedThroughput().writeCapacityUnits()).build());
            }
            dynamo.updateTable(UpdateTableRequest.builder()
                    .tableName(e.tableName()).attributeDefinitions(keyDefinitions)
                    .globalSecondaryIndexUpdates(u -> u.create(create.build())).build());
            LOG.log(System.Logger.Level.INFO, () -> "Adding global index " + g.indexName() + " to table " + e.tableName());
            // DynamoDB builds one index at a time per table (LimitExceededException otherwise).
            dynamo.awaitTable(e.tableName(), true);
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
        List<IndexMeta> indexes = new ArrayList<>(e.indexes());
        // The indexes inverse (mappedBy) sides load children by: fk_<foreign-key attribute>, see docs/relationships.md.
        indexes.addAll(e.foreignKeyIndexes());
        for (IndexMeta index : indexes) {
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
        dropped.addAll(dropGeneratorTables());
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
        validateGeneratorTables(problems);
        if (!problems.isEmpty()) {
            throw new SchemaValidationException("Schema validation found " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    // ---- the generator table of numeric @GeneratedValue ids ----------------------------------------------

    /** The generator tables the unit's entities use: none, or the unit's one. */
    private java.util.Set<String> generatorTables() {
        java.util.Set<String> tables = new java.util.LinkedHashSet<>();
        for (EntityMeta e : metadata.entities()) {
            IdGeneratorMeta g = e.idGenerator();
            if (g != null) {
                tables.add(g.table());
            }
        }
        return tables;
    }

    /** Creates the generator table if some entity needs it; an existing one keeps its counters. */
    private void createGeneratorTables() {
        for (String table : generatorTables()) {
            if (dynamo.describeTable(table) == null) {
                try {
                    dynamo.createTable(IdGenerators.createRequest(table));
                    LOG.log(System.Logger.Level.INFO, () -> "Created id generator table " + table);
                } catch (ResourceInUseException ex) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "Table " + table + " was created meanwhile");
                }
            }
            dynamo.awaitTable(table, true);
        }
    }

    /** Drops the generator table (and with it every counter); returns it if it was there. */
    private List<String> dropGeneratorTables() {
        List<String> dropped = new ArrayList<>();
        for (String table : generatorTables()) {
            try {
                dynamo.deleteTable(table);
                dropped.add(table);
                LOG.log(System.Logger.Level.INFO, () -> "Dropped id generator table " + table);
            } catch (ResourceNotFoundException ex) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Table " + table + " does not exist; nothing to drop");
            }
        }
        return dropped;
    }

    private void validateGeneratorTables(List<String> problems) {
        for (String table : generatorTables()) {
            TableDescription t = dynamo.describeTable(table);
            String where = "Id generator table " + table;
            if (t == null) {
                problems.add(where + " does not exist");
                continue;
            }
            CreateTableRequest expected = IdGenerators.createRequest(table);
            if (!Objects.equals(expected.keySchema(), t.keySchema())
                    || !t.attributeDefinitions().containsAll(expected.attributeDefinitions())) {
                problems.add(where + " has key schema " + render(t.keySchema()) + " " + t.attributeDefinitions()
                        + ", expected " + render(expected.keySchema()) + " of type S");
            }
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
