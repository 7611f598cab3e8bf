package io.jynamo.bench;

import io.jynamo.JynamoEntityManager;
import jakarta.persistence.EntityManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What each mapper costs on the client, against canned HTTP answers (see {@link CannedHttpClient}), for the
 * scenarios of issue 13. Every benchmark is named {@code scenario_mapper}: {@code floor} is the raw SDK with
 * hand-written mapping, {@code enhanced} the SDK's Enhanced Client, {@code jynamo} Jynamo through JPA
 * (a new {@code EntityManager} per operation). The canned answers make each path do its real work: a Query
 * page of the partition's items, BatchGetItem responses, consumed capacity in every answer.
 *
 * <p>Jynamo runs with {@code jynamo.parallelism=1} here, so that the number is the CPU it spends on the
 * calling thread, comparable with the floor's; {@link LatencyBenchmark} measures what parallel calls gain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class ClientOverheadBenchmark {

    static final String BATCH_WRITTEN = "{\"UnprocessedItems\":{}," + Models.capacities("BenchUser", 25) + "}";
    static final String OWNER = "owner-1";

    /** The user table: GetItem of one user, BatchGetItem of 100, BatchWriteItem. */
    @State(Scope.Benchmark)
    public static class Users {
        Env env;

        @Setup(Level.Trial)
        public void setUp() {
            env = new Env(Map.of("GetItem", Models.ITEM, "BatchGetItem", Models.userBatch(100),
                    "BatchWriteItem", BATCH_WRITTEN), 0, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
        }
    }

    /** One entity manager holding user 1, and the floor's equivalent: a map. */
    @State(Scope.Thread)
    public static class Cached {
        Env env;
        EntityManager em;
        Map<String, Models.BeanUser> floor = new HashMap<>();

        @Setup(Level.Trial)
        public void setUp() {
            env = new Env(Map.of("GetItem", Models.ITEM), 0, 1);
            em = env.emf.createEntityManager();
            em.find(Models.JpaUser.class, "user-1@example.com");
            floor.put("user-1@example.com", new Models.BeanUser(1));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            em.close();
            env.close();
        }
    }

    /** A partition of {@code size} lines, answered by one Query page; BatchWriteItem for the bulk DELETE. */
    @State(Scope.Benchmark)
    public static class Partition {
        @Param({"100", "1000"})
        int size;
        Env env;

        @Setup(Level.Trial)
        public void setUp() {
            env = new Env(Map.of("Query", Models.linePage("BenchLine", size, false), "BatchWriteItem", BATCH_WRITTEN), 0, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
        }
    }

    /** A partition of 100 lines read for their keys, then deleted. */
    @State(Scope.Benchmark)
    public static class Deletable {
        Env env;

        @Setup(Level.Trial)
        public void setUp() {
            env = new Env(Map.of("Query", Models.linePage("BenchLine", 100, false), "BatchWriteItem", BATCH_WRITTEN), 0, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
        }
    }

    /** A Query answering {@code Select=COUNT}: a count of 100, no items. */
    @State(Scope.Benchmark)
    public static class Counted {
        Env env;

        @Setup(Level.Trial)
        public void setUp() {
            env = new Env(Map.of("Query", "{\"Count\":100,\"ScannedCount\":100," + Models.capacity("BenchLine", 12.5) + "}"), 0, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
        }
    }

    /**
     * A partition of 100 versioned lines and the answer to their conditional UpdateItems. The Enhanced Client asks
     * for the updated item back (and maps it), so its client answers with one.
     */
    @State(Scope.Benchmark)
    public static class Versioned {
        Env env;
        Env enhancedEnv;

        @Setup(Level.Trial)
        public void setUp() {
            String page = Models.linePage("BenchVLine", 100, true);
            env = new Env(Map.of("Query", page, "UpdateItem", "{" + Models.capacity("BenchVLine", 1) + "}"), 0, 1);
            enhancedEnv = new Env(Map.of("Query", page, "UpdateItem",
                    "{\"Attributes\":" + Models.line(0, true) + "," + Models.capacity("BenchVLine", 1) + "}"), 0, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
            enhancedEnv.close();
        }
    }

    // ---- find by key, cold: one GetItem and its mapping

    @Benchmark
    public Object findCold_floor(Users s) {
        GetItemResponse r = s.env.client.getItem(b -> b.tableName("BenchUser")
                .key(Map.of("email", AttributeValue.fromS("user-1@example.com"))).consistentRead(true));
        return Floor.user(r.item());
    }

    @Benchmark
    public Object findCold_enhanced(Users s) {
        return s.env.users.getItem(r -> r.key(Key.builder().partitionValue("user-1@example.com").build()).consistentRead(true));
    }

    @Benchmark
    public Object findCold_jynamo(Users s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            return em.find(Models.JpaUser.class, "user-1@example.com");
        }
    }

    // ---- find by key from the first-level cache: no call (the floor: a map lookup)

    @Benchmark
    public Object findCached_floor(Cached s) {
        return s.floor.get("user-1@example.com");
    }

    @Benchmark
    public Object findCached_jynamo(Cached s) {
        return s.em.find(Models.JpaUser.class, "user-1@example.com");
    }

    // ---- 25 new items: one BatchWriteItem (the scenario of earlier runs)

    @Benchmark
    public Object write25_floor(Users s) {
        return writeUsers(s.env, 25);
    }

    @Benchmark
    public Object write25_enhanced(Users s) {
        return writeUsersEnhanced(s.env, 25);
    }

    @Benchmark
    public Object write25_jynamo(Users s) {
        return persistUsers(s.env, 25);
    }

    // ---- persist 100 + commit: four BatchWriteItem

    @Benchmark
    public Object persist100_floor(Users s) {
        return writeUsers(s.env, 100);
    }

    @Benchmark
    public Object persist100_enhanced(Users s) {
        return writeUsersEnhanced(s.env, 100);
    }

    @Benchmark
    public Object persist100_jynamo(Users s) {
        return persistUsers(s.env, 100);
    }

    static Object writeUsers(Env env, int n) {
        Object last = null;
        for (int from = 0; from < n; from += 25) {
            List<WriteRequest> writes = new ArrayList<>(25);
            for (int i = from; i < Math.min(n, from + 25); i++) {
                Map<String, AttributeValue> item = Floor.item(new Models.BeanUser(i));
                writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            last = env.client.batchWriteItem(b -> b.requestItems(Map.of("BenchUser", writes)));
        }
        return last;
    }

    static Object writeUsersEnhanced(Env env, int n) {
        Object last = null;
        for (int from = 0; from < n; from += 25) {
            WriteBatch.Builder<Models.BeanUser> batch = WriteBatch.builder(Models.BeanUser.class).mappedTableResource(env.users);
            for (int i = from; i < Math.min(n, from + 25); i++) {
                batch.addPutItem(new Models.BeanUser(i));
            }
            last = env.enhanced.batchWriteItem(b -> b.addWriteBatch(batch.build()));
        }
        return last;
    }

    static Object persistUsers(Env env, int n) {
        try (EntityManager em = env.emf.createEntityManager()) {
            em.getTransaction().begin();
            for (int i = 0; i < n; i++) {
                em.persist(new Models.JpaUser(i));
            }
            em.getTransaction().commit();
            return em;
        }
    }

    // ---- IN of 100 keys: one BatchGetItem of 100 keys, 100 entities

    @Benchmark
    public Object in100_floor(Users s) {
        return readUsersFloor(s);
    }

    @Benchmark
    public Object in100_enhanced(Users s) {
        return readUsersEnhanced(s);
    }

    @Benchmark
    public Object in100_jynamo(Users s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            return readUsersJynamo(em);
        }
    }

    // ---- findAll of 100 ids: the same BatchGetItem and entities as in100, through JynamoEntityManager.findAll

    @Benchmark
    public Object findAll100_floor(Users s) {
        return readUsersFloor(s);
    }

    @Benchmark
    public Object findAll100_enhanced(Users s) {
        return readUsersEnhanced(s);
    }

    @Benchmark
    public Object findAll100_jynamo(Users s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            return em.unwrap(JynamoEntityManager.class).findAll(Models.JpaUser.class, KEYS);
        }
    }

    private static final List<String> KEYS = java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> "user-" + i + "@example.com").toList();

    private static List<Models.BeanUser> readUsersFloor(Users s) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(100);
        for (String k : KEYS) {
            keys.add(Map.of("email", AttributeValue.fromS(k)));
        }
        BatchGetItemResponse r = s.env.client.batchGetItem(b -> b.requestItems(
                Map.of("BenchUser", KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        List<Map<String, AttributeValue>> items = r.responses().get("BenchUser");
        List<Models.BeanUser> users = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            users.add(Floor.user(item));
        }
        return users;
    }

    private static List<Models.BeanUser> readUsersEnhanced(Users s) {
        ReadBatch.Builder<Models.BeanUser> batch = ReadBatch.builder(Models.BeanUser.class).mappedTableResource(s.env.users);
        for (String k : KEYS) {
            batch.addGetItem(GetItemEnhancedRequest.builder().key(Key.builder().partitionValue(k).build()).consistentRead(true).build());
        }
        List<Models.BeanUser> users = new ArrayList<>(100);
        s.env.enhanced.batchGetItem(b -> b.addReadBatch(batch.build())).resultsForTable(s.env.users).forEach(users::add);
        return users;
    }

    private static List<Models.JpaUser> readUsersJynamo(EntityManager em) {
        return em.createQuery("SELECT u FROM BenchUser u WHERE u.email IN :keys", Models.JpaUser.class)
                .setParameter("keys", KEYS).getResultList();
    }

    // ---- load 100 (IN), change 10, commit: one BatchGetItem, one BatchWriteItem of 10

    @Benchmark
    public Object load100change10_floor(Users s) {
        List<Models.BeanUser> users = readUsersFloor(s);
        List<WriteRequest> writes = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            Models.BeanUser u = users.get(i * 10);
            u.setFirstName("Sam");
            Map<String, AttributeValue> item = Floor.item(u);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        return s.env.client.batchWriteItem(b -> b.requestItems(Map.of("BenchUser", writes)));
    }

    @Benchmark
    public Object load100change10_enhanced(Users s) {
        List<Models.BeanUser> users = readUsersEnhanced(s);
        WriteBatch.Builder<Models.BeanUser> batch = WriteBatch.builder(Models.BeanUser.class).mappedTableResource(s.env.users);
        for (int i = 0; i < 10; i++) {
            Models.BeanUser u = users.get(i * 10);
            u.setFirstName("Sam");
            batch.addPutItem(u);
        }
        return s.env.enhanced.batchWriteItem(b -> b.addWriteBatch(batch.build()));
    }

    @Benchmark
    public Object load100change10_jynamo(Users s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            em.getTransaction().begin();
            List<Models.JpaUser> users = readUsersJynamo(em);
            for (int i = 0; i < 10; i++) {
                users.get(i * 10).setFirstName("Sam");
            }
            em.getTransaction().commit();
            return users;
        }
    }

    // ---- query a partition (100 or 1,000 lines, one page), materialising every entity

    @Benchmark
    public Object queryPartition_floor(Partition s) {
        return queryLinesFloor(s.env);
    }

    @Benchmark
    public Object queryPartition_enhanced(Partition s) {
        List<Models.BeanLine> lines = new ArrayList<>(s.size);
        s.env.lines.query(QueryEnhancedRequest.builder().consistentRead(true)
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(OWNER).build())).build())
                .items().forEach(lines::add);
        return lines;
    }

    @Benchmark
    public Object queryPartition_jynamo(Partition s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            return em.createQuery("SELECT l FROM BenchLine l WHERE l.owner = :o", Models.JpaLine.class)
                    .setParameter("o", OWNER).getResultList();
        }
    }

    private static List<Models.BeanLine> queryLinesFloor(Env env) {
        List<Models.BeanLine> lines = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = env.client.query(b -> b.tableName("BenchLine").keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", AttributeValue.fromS(OWNER)))
                    .consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                lines.add(Floor.line(item, new Models.BeanLine()));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return lines;
    }

    // ---- COUNT of a partition: Query with Select=COUNT (the Enhanced Client has no count)

    @Benchmark
    public Object count_floor(Counted s) {
        QueryResponse r = s.env.client.query(b -> b.tableName("BenchLine").keyConditionExpression("#o = :o")
                .expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", AttributeValue.fromS(OWNER)))
                .consistentRead(true).select(Select.COUNT));
        return (long) r.count();
    }

    @Benchmark
    public Object count_jynamo(Counted s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            return em.createQuery("SELECT COUNT(l) FROM BenchLine l WHERE l.owner = :o", Long.class)
                    .setParameter("o", OWNER).getSingleResult();
        }
    }

    // ---- bulk DELETE of a partition of 100: a Query for the keys, four BatchWriteItem of deletes

    @Benchmark
    public Object delete100_floor(Deletable s) {
        QueryResponse r = s.env.client.query(b -> b.tableName("BenchLine").keyConditionExpression("#o = :o")
                .projectionExpression("#o, seq").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(OWNER))).consistentRead(true));
        List<Map<String, AttributeValue>> items = r.items();
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> writes = new ArrayList<>(25);
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                Map<String, AttributeValue> key = Map.of("owner", item.get("owner"), "seq", item.get("seq"));
                writes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
            }
            s.env.client.batchWriteItem(b -> b.requestItems(Map.of("BenchLine", writes)));
        }
        return items.size();
    }

    @Benchmark
    public Object delete100_enhanced(Deletable s) {
        List<Models.BeanLine> keys = new ArrayList<>(100);
        s.env.lines.query(QueryEnhancedRequest.builder().consistentRead(true).attributesToProject("owner", "seq")
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(OWNER).build())).build())
                .items().forEach(keys::add);
        for (int from = 0; from < keys.size(); from += 25) {
            WriteBatch.Builder<Models.BeanLine> batch = WriteBatch.builder(Models.BeanLine.class).mappedTableResource(s.env.lines);
            for (Models.BeanLine l : keys.subList(from, Math.min(keys.size(), from + 25))) {
                batch.addDeleteItem(Key.builder().partitionValue(l.getOwner()).sortValue(l.getSeq()).build());
            }
            s.env.enhanced.batchWriteItem(b -> b.addWriteBatch(batch.build()));
        }
        return keys.size();
    }

    @Benchmark
    public Object delete100_jynamo(Deletable s) {
        try (EntityManager em = s.env.emf.createEntityManager()) {
            em.getTransaction().begin();
            int n = em.createQuery("DELETE FROM BenchLine l WHERE l.owner = :o").setParameter("o", OWNER).executeUpdate();
            em.getTransaction().commit();
            return n;
        }
    }

    // ---- flush of 100 versioned entities: query the partition, change each, 100 conditional UpdateItems

    @Benchmark
    public Object versioned100_floor(Versioned s) {
        return VersionedWrites.floor(s.env);
    }

    @Benchmark
    public Object versioned100_enhanced(Versioned s) {
        return VersionedWrites.enhanced(s.enhancedEnv);
    }

    @Benchmark
    public Object versioned100_jynamo(Versioned s) {
        return VersionedWrites.jynamo(s.env);
    }
}
