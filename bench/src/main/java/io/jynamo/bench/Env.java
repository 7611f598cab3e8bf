package io.jynamo.bench;

import io.jynamo.JynamoProperties;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Map;

/** One SDK client on canned answers, and the three mappers over it: the raw client, the Enhanced Client, Jynamo. */
final class Env implements AutoCloseable {

    final DynamoDbClient client;
    final EntityManagerFactory emf;
    final DynamoDbEnhancedClient enhanced;
    final DynamoDbTable<Models.BeanUser> users;
    final DynamoDbTable<Models.BeanLine> lines;
    final DynamoDbTable<Models.BeanVersionedLine> versionedLines;

    /**
     * @param bodies      canned answer by operation
     * @param delayMillis how long every call takes (0: at once)
     * @param parallelism Jynamo's {@code jynamo.parallelism}
     */
    Env(Map<String, String> bodies, long delayMillis, int parallelism) {
        this(new CannedHttpClient(bodies, delayMillis), parallelism);
    }

    Env(SdkHttpClient http, int parallelism) {
        this(http, parallelism, Map.of());
    }

    /** @param properties more properties of the persistence unit */
    Env(SdkHttpClient http, int parallelism, Map<String, String> properties) {
        DynamoDbClient sdk = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://canned"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(http).build();
        client = Boolean.getBoolean("jynamo.bench.memoized") ? Memoized.of(sdk) : sdk;
        emf = new PersistenceConfiguration("bench").managedClass(Models.JpaUser.class)
                .managedClass(Models.JpaLine.class).managedClass(Models.JpaVersionedLine.class)
                .property(JynamoProperties.CLIENT, client)
                .property(JynamoProperties.PARALLELISM, Integer.toString(parallelism))
                .properties(Map.copyOf(properties))
                .createEntityManagerFactory();
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        users = enhanced.table("BenchUser", TableSchema.fromBean(Models.BeanUser.class));
        lines = enhanced.table("BenchLine", TableSchema.fromBean(Models.BeanLine.class));
        versionedLines = enhanced.table("BenchVLine", TableSchema.fromBean(Models.BeanVersionedLine.class));
    }

    @Override
    public void close() {
        emf.close();
        client.close();
    }
}
