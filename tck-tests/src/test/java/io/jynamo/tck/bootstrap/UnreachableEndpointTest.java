package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.tck.model.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import io.jynamo.internal.dynamo.Clients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An endpoint nobody listens on (issue 8, item 10): the client Jynamo makes gives up after a few
 * attempts with an error that names the endpoint and the region and says what to check, instead of
 * the SDK's bare "Connection refused (SDK Attempt Count: 9)".
 */
class UnreachableEndpointTest {

    /** A loopback port that was free a moment ago and has nothing listening now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Counts the HTTP attempts the SDK makes (each retry is one more). */
    private static final class Attempts implements ExecutionInterceptor {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            count.incrementAndGet();
        }
    }

    private static PersistenceConfiguration unit(String endpoint, Attempts attempts, String schemaAction) {
        return new PersistenceConfiguration("tck-unreachable")
                .managedClass(User.class)
                .property(JynamoProperties.ENDPOINT, endpoint)
                .property(JynamoProperties.REGION, "eu-west-3")
                .property(JynamoProperties.INTERCEPTORS, attempts)
                .property(JynamoProperties.SCHEMA_ACTION, schemaAction);
    }

    private static void assertNamesEndpointRegionAndWhatToCheck(JynamoException e, String endpoint) {
        String m = e.getMessage();
        assertTrue(m.contains("Cannot reach DynamoDB at " + endpoint + " (region eu-west-3)"), m);
        assertTrue(m.contains("connection was refused"), m);
        assertTrue(m.contains("jynamo.endpoint=" + endpoint), m);
        assertTrue(m.contains("Check that the endpoint is running"), m);
    }

    @Test
    void aCallToAClosedPortFailsAfterThreeAttemptsNamingEndpointAndRegion() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        Attempts attempts = new Attempts();
        try (EntityManagerFactory emf = unit(endpoint, attempts, "none").createEntityManagerFactory()) {
            assertEquals(0, attempts.count.get(), "schema action none makes no call at bootstrap");
            EntityManager em = emf.createEntityManager();
            JynamoException e = assertThrows(JynamoException.class, () -> em.find(User.class, "nobody"));
            assertNamesEndpointRegionAndWhatToCheck(e, endpoint);
            assertEquals(3, attempts.count.get(), "attempts the SDK made");
        }
    }

    @Test
    void aFactoryThatMustCreateTablesOnAClosedPortFailsTheSameWay() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        Attempts attempts = new Attempts();
        JynamoException e = assertThrows(JynamoException.class,
                () -> unit(endpoint, attempts, "create").createEntityManagerFactory());
        assertNamesEndpointRegionAndWhatToCheck(e, endpoint);
        assertEquals(3, attempts.count.get(), "attempts the SDK made");
    }

    @Test
    void theSameErrorCanBeMadeForAClientTheApplicationGave() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_3).credentialsProvider(Clients.localCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(b -> b.retryStrategy(r -> r.maxAttempts(1))).build()) {
            SdkClientException raw = assertThrows(SdkClientException.class, () -> client.listTables());
            JynamoException e = Clients.connectionFailure(raw, client);
            assertNamesEndpointRegionAndWhatToCheck(e, endpoint);
            assertNull(Clients.connectionFailure(SdkClientException.create("Unable to marshall"), client),
                    "only failures to reach the endpoint are translated");
        }
    }

    @Test
    void aFindThroughTheApplicationsOwnClientNamesEndpointAndRegion() throws IOException {
        String endpoint = "http://127.0.0.1:" + closedPort();
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_3).credentialsProvider(Clients.localCredentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(b -> b.retryStrategy(r -> r.maxAttempts(1))).build();
             EntityManagerFactory emf = new PersistenceConfiguration("tck-unreachable-own")
                     .managedClass(User.class).property(JynamoProperties.CLIENT, client).createEntityManagerFactory()) {
            EntityManager em = emf.createEntityManager();
            JynamoException e = assertThrows(JynamoException.class, () -> em.find(User.class, "nobody"));
            assertNamesEndpointRegionAndWhatToCheck(e, endpoint);
        }
    }
}
