package io.jynamo.bench;

import io.jynamo.JynamoProperties;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What each mapper costs on the client for the two basic operations, against canned HTTP answers
 * (see {@link CannedHttpClient}): a read by key, and a batch of 25 new items. The raw SDK with
 * hand-written mapping is the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class ClientOverheadBenchmark {

    private DynamoDbClient client;
    private EntityManagerFactory emf;
    private DynamoDbTable<Models.BeanUser> table;
    private DynamoDbEnhancedClient enhanced;

    @Setup(Level.Trial)
    public void setUp() {
        client = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://canned"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(new CannedHttpClient(Map.of("GetItem", Models.ITEM))).build();
        emf = new PersistenceConfiguration("bench").managedClass(Models.JpaUser.class)
                .property(JynamoProperties.CLIENT, client).createEntityManagerFactory();
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        table = enhanced.table("BenchUser", TableSchema.fromBean(Models.BeanUser.class));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        emf.close();
        client.close();
    }

    @Benchmark
    public Object readSdkFloor() {
        GetItemResponse r = client.getItem(b -> b.tableName("BenchUser")
                .key(Map.of("email", AttributeValue.fromS("user-1@example.com"))).consistentRead(true));
        Map<String, AttributeValue> item = r.item();
        Models.BeanUser u = new Models.BeanUser();
        u.setEmail(item.get("email").s());
        u.setFirstName(item.get("firstName").s());
        u.setLastName(item.get("lastName").s());
        u.setAge(Integer.parseInt(item.get("age").n()));
        u.setScore(Long.parseLong(item.get("score").n()));
        u.setActive(item.get("active").bool());
        return u;
    }

    @Benchmark
    public Object readEnhancedClient() {
        return table.getItem(r -> r.key(Key.builder().partitionValue("user-1@example.com").build()).consistentRead(true));
    }

    @Benchmark
    public Object readJynamo() {
        try (EntityManager em = emf.createEntityManager()) {
            return em.find(Models.JpaUser.class, "user-1@example.com");
        }
    }

    @Benchmark
    public Object write25SdkFloor() {
        List<WriteRequest> writes = new ArrayList<>(25);
        for (int i = 0; i < 25; i++) {
            Models.BeanUser u = new Models.BeanUser(i);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("email", AttributeValue.fromS(u.getEmail()));
            item.put("firstName", AttributeValue.fromS(u.getFirstName()));
            item.put("lastName", AttributeValue.fromS(u.getLastName()));
            item.put("age", AttributeValue.fromN(Integer.toString(u.getAge())));
            item.put("score", AttributeValue.fromN(Long.toString(u.getScore())));
            item.put("active", AttributeValue.fromBool(u.isActive()));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        return client.batchWriteItem(b -> b.requestItems(Map.of("BenchUser", writes)));
    }

    @Benchmark
    public Object write25EnhancedClient() {
        WriteBatch.Builder<Models.BeanUser> batch = WriteBatch.builder(Models.BeanUser.class).mappedTableResource(table);
        for (int i = 0; i < 25; i++) {
            batch.addPutItem(new Models.BeanUser(i));
        }
        return enhanced.batchWriteItem(b -> b.addWriteBatch(batch.build()));
    }

    @Benchmark
    public Object write25Jynamo() {
        try (EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            for (int i = 0; i < 25; i++) {
                em.persist(new Models.JpaUser(i));
            }
            em.getTransaction().commit();
            return em;
        }
    }
}
