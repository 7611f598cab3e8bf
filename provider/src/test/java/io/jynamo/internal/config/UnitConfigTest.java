package io.jynamo.internal.config;

import io.jynamo.JynamoProperties;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit's properties become one UnitConfig, read once by the strict rules of {@link Settings}. */
class UnitConfigTest {

    private static final ExecutionInterceptor COUNTING = new ExecutionInterceptor() {
    };

    @Test
    void anEmptyUnitTakesEveryDefault() {
        UnitConfig c = UnitConfig.parse("u", Map.of());
        assertEquals("u", c.unit());
        assertNull(c.client());
        assertEquals(List.of(), c.interceptors());
        assertNull(c.endpoint(), "absent means AWS");
        assertEquals("us-east-1", c.region());
        assertEquals("", c.tablePrefix());
        assertEquals(WriteMode.BATCH, c.writeMode());
        assertEquals(UpdateMode.PUT, c.updateMode());
        assertEquals(ScanPolicy.WARN, c.scanPolicy());
        assertTrue(c.consistentReads());
        assertEquals(new UnitConfig.Retries(8, 20, 20_000), c.retry());
        assertEquals(DirtyChecking.TRACKING, c.dirtyChecking());
        assertEquals(SchemaAction.NONE, c.schemaAction());
        assertEquals(SharedCacheMode.UNSPECIFIED, c.sharedCacheMode());
        assertEquals(10_000L, c.cacheMaxItems());
        assertNull(c.cacheTtlSeconds());
        assertEquals(CacheRetrieveMode.USE, c.cacheRetrieveMode());
        assertEquals(CacheStoreMode.USE, c.cacheStoreMode());
        assertEquals(8, c.parallelism());
    }

    @Test
    void clientSidePolicyAndMemoryBoundDefaultToWarnAndAHundredThousandRows() {
        UnitConfig defaults = UnitConfig.parse("u", Map.of());
        assertEquals(ClientSidePolicy.WARN, defaults.clientSidePolicy());
        assertEquals(100_000, defaults.clientSideMaxRows());
        UnitConfig set = UnitConfig.parse("u", Map.of(JynamoProperties.CLIENT_SIDE, "Deny",
                JynamoProperties.CLIENT_SIDE_MAX_ROWS, "500"));
        assertEquals(ClientSidePolicy.DENY, set.clientSidePolicy());
        assertEquals(500, set.clientSideMaxRows());
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> UnitConfig.parse("u", Map.of(JynamoProperties.CLIENT_SIDE_MAX_ROWS, 0)));
        assertTrue(e.getMessage().contains(JynamoProperties.CLIENT_SIDE_MAX_ROWS), e.getMessage());
        assertThrows(PersistenceException.class, () -> UnitConfig.parse("u", Map.of(JynamoProperties.CLIENT_SIDE, "sometimes")));
    }

    @Test
    void everyValueIsReadFromItsKey() {
        Map<String, Object> p = new HashMap<>();
        p.put(JynamoProperties.ENDPOINT, " http://localhost:8000 ");
        p.put(JynamoProperties.REGION, "eu-west-1");
        p.put(JynamoProperties.INTERCEPTORS, List.of(COUNTING));
        p.put(JynamoProperties.TABLE_PREFIX, "t-");
        p.put(JynamoProperties.WRITE_MODE, "Atomic");
        p.put(JynamoProperties.UPDATE_MODE, "patch");
        p.put(JynamoProperties.SCAN, ScanPolicy.DENY);
        p.put(JynamoProperties.CONSISTENT_READ, "FALSE");
        p.put(JynamoProperties.RETRY_MAX_ATTEMPTS, 3);
        p.put(JynamoProperties.RETRY_BASE_MILLIS, "5");
        p.put(JynamoProperties.RETRY_MAX_MILLIS, 0L);
        p.put(JynamoProperties.DIRTY_CHECKING, "snapshot");
        p.put(JynamoProperties.SCHEMA_ACTION, "DROP-AND-CREATE");
        p.put(JynamoProperties.SHARED_CACHE_MODE, SharedCacheMode.ALL);
        p.put(JynamoProperties.CACHE_MAX_ITEMS, "7");
        p.put(JynamoProperties.CACHE_TTL_SECONDS, 60);
        p.put(JynamoProperties.CACHE_RETRIEVE_MODE, "bypass");
        p.put(JynamoProperties.CACHE_STORE_MODE, CacheStoreMode.REFRESH);
        p.put(JynamoProperties.PARALLELISM, "3");
        UnitConfig c = UnitConfig.parse("u", p);
        assertEquals("http://localhost:8000", c.endpoint());
        assertEquals("eu-west-1", c.region());
        assertEquals(List.of(COUNTING), c.interceptors());
        assertEquals("t-", c.tablePrefix());
        assertEquals(WriteMode.ATOMIC, c.writeMode());
        assertEquals(UpdateMode.PATCH, c.updateMode());
        assertEquals(ScanPolicy.DENY, c.scanPolicy());
        assertFalse(c.consistentReads());
        assertEquals(new UnitConfig.Retries(3, 5, 0), c.retry());
        assertEquals(DirtyChecking.SNAPSHOT, c.dirtyChecking());
        assertEquals(SchemaAction.DROP_AND_CREATE, c.schemaAction());
        assertEquals(SharedCacheMode.ALL, c.sharedCacheMode());
        assertEquals(7L, c.cacheMaxItems());
        assertEquals(60L, c.cacheTtlSeconds());
        assertEquals(CacheRetrieveMode.BYPASS, c.cacheRetrieveMode());
        assertEquals(CacheStoreMode.REFRESH, c.cacheStoreMode());
        assertEquals(3, c.parallelism());
        p.put(JynamoProperties.PARALLELISM, 0);
        assertTrue(assertThrows(jakarta.persistence.PersistenceException.class, () -> UnitConfig.parse("u", p))
                .getMessage().contains(JynamoProperties.PARALLELISM));
    }

    @Test
    void aGivenClientIsUsedAndTheEndpointAndInterceptorsAreIgnored() {
        try (DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost:1")).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            UnitConfig c = UnitConfig.parse("u", Map.of(JynamoProperties.CLIENT, client,
                    JynamoProperties.ENDPOINT, "not a url", JynamoProperties.INTERCEPTORS, "not an interceptor"));
            assertSame(client, c.client());
            assertNull(c.endpoint());
            assertEquals(List.of(), c.interceptors());
        }
    }

    @Test
    void aClientOfAnotherTypeIsRefusedNamingTheKeyAndTheType() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> UnitConfig.parse("u", Map.of(JynamoProperties.CLIENT, "a string")));
        assertEquals("jynamo.client must be a software.amazon.awssdk.services.dynamodb.DynamoDbClient, not a java.lang.String",
                e.getMessage());
    }

    @Test
    void anInterceptorsCollectionHoldingSomethingElseIsRefused() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> UnitConfig.parse("u", Map.of(JynamoProperties.INTERCEPTORS, List.of(COUNTING, 42))));
        assertEquals("jynamo.interceptors must hold software.amazon.awssdk.core.interceptor.ExecutionInterceptor"
                + " instances, not java.lang.Integer", e.getMessage());
    }

    @Test
    void aBlankEndpointMeansAwsAndEmbeddedIsKept() {
        assertNull(UnitConfig.parse("u", Map.of(JynamoProperties.ENDPOINT, "  ")).endpoint());
        assertEquals("embedded", UnitConfig.parse("u", Map.of(JynamoProperties.ENDPOINT, "embedded")).endpoint());
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsRefusedNamingIt() {
        for (String bad : List.of("localhost:8000", "ftp://localhost:8000", "http://a b")) {
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> UnitConfig.parse("u", Map.of(JynamoProperties.ENDPOINT, bad)));
            assertEquals("jynamo.endpoint='" + bad + "' is not 'embedded' or a URL such as http://localhost:8000",
                    e.getMessage());
        }
    }

    @Test
    void theUnitsPropertiesAreACopyThatCannotChange() {
        Map<String, Object> p = new HashMap<>(Map.of(JynamoProperties.TABLE_PREFIX, "a-"));
        UnitConfig c = UnitConfig.parse("u", p);
        p.put(JynamoProperties.TABLE_PREFIX, "b-");
        assertEquals("a-", c.properties().get(JynamoProperties.TABLE_PREFIX));
        assertThrows(UnsupportedOperationException.class, () -> c.properties().put("k", "v"));
    }

    @Test
    void anEntityManagersCacheModeDefaultIsRefusedAtBootstrapInTheOneWording() {
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> UnitConfig.parse("u", Map.of(JynamoProperties.CACHE_STORE_MODE, "sometimes")));
        assertEquals("Invalid value 'sometimes' for property jakarta.persistence.cache.storeMode:"
                + " expected one of USE, BYPASS, REFRESH (any case)", e.getMessage());
    }
}
