package io.jynamo.internal.config;

import io.jynamo.JynamoProperties;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of one persistence unit, read from its properties once, at bootstrap, by {@link Settings}'
 * rules: the factory, the client, the second-level cache and the schema action take their values from here,
 * never from the property map.
 *
 * @param unit              the unit's name
 * @param properties        the unit's properties as given (what {@code getProperties()} shows), unmodifiable
 * @param client            {@link JynamoProperties#CLIENT}, or {@code null} when Jynamo makes the client
 * @param interceptors      {@link JynamoProperties#INTERCEPTORS} (empty when a client is given, which ignores them)
 * @param endpoint          {@link JynamoProperties#ENDPOINT}: {@code embedded}, an http(s) URL, or {@code null} for AWS
 *                          (and when a client is given, which ignores it)
 * @param region            {@link JynamoProperties#REGION}
 * @param tablePrefix       {@link JynamoProperties#TABLE_PREFIX}
 * @param writeMode         {@link JynamoProperties#WRITE_MODE}
 * @param updateMode        {@link JynamoProperties#UPDATE_MODE}
 * @param scanPolicy        {@link JynamoProperties#SCAN}, the default of queries without the hint
 * @param consistentReads   {@link JynamoProperties#CONSISTENT_READ}
 * @param retry             {@code jynamo.retry.*}
 * @param dirtyChecking     {@link JynamoProperties#DIRTY_CHECKING}
 * @param schemaAction      {@link JynamoProperties#SCHEMA_ACTION}
 * @param sharedCacheMode   {@link JynamoProperties#SHARED_CACHE_MODE}
 * @param cacheMaxItems     {@link JynamoProperties#CACHE_MAX_ITEMS}
 * @param cacheTtlSeconds   {@link JynamoProperties#CACHE_TTL_SECONDS}, {@code null} for none
 * @param cacheRetrieveMode {@link JynamoProperties#CACHE_RETRIEVE_MODE}: the entity managers' default
 * @param cacheStoreMode    {@link JynamoProperties#CACHE_STORE_MODE}: the entity managers' default
 * @param parallelism       {@link JynamoProperties#PARALLELISM}
 * @param rateLimitRead     {@link JynamoProperties#RATE_LIMIT_READ}, read capacity units a second, 0 for none
 * @param rateLimitWrite    {@link JynamoProperties#RATE_LIMIT_WRITE}, write capacity units a second, 0 for none
 * @param clientSidePolicy  {@link JynamoProperties#CLIENT_SIDE}, the default of queries without the hint
 * @param clientSideMaxRows {@link JynamoProperties#CLIENT_SIDE_MAX_ROWS}, the default of queries without the hint
 * @param scanSegments      {@link JynamoProperties#SCAN_SEGMENTS}, the default of queries without the hint
 */
public record UnitConfig(String unit, Map<String, Object> properties, DynamoDbClient client,
                         List<ExecutionInterceptor> interceptors, String endpoint, String region, String tablePrefix,
                         WriteMode writeMode, UpdateMode updateMode, ScanPolicy scanPolicy, boolean consistentReads,
                         Retries retry, DirtyChecking dirtyChecking, SchemaAction schemaAction,
                         SharedCacheMode sharedCacheMode, long cacheMaxItems, Long cacheTtlSeconds,
                         CacheRetrieveMode cacheRetrieveMode, CacheStoreMode cacheStoreMode, int parallelism,
                         long rateLimitRead, long rateLimitWrite, ClientSidePolicy clientSidePolicy,
                         long clientSideMaxRows, int scanSegments) {

    /** The default of {@link JynamoProperties#CLIENT_SIDE_MAX_ROWS}. */
    public static final long DEFAULT_CLIENT_SIDE_MAX_ROWS = 100_000;

    /**
     * The retry budget's numbers ({@code jynamo.retry.*}); the dynamo layer makes its {@code Retry} of them.
     *
     * @param maxAttempts {@link JynamoProperties#RETRY_MAX_ATTEMPTS}
     * @param baseMillis  {@link JynamoProperties#RETRY_BASE_MILLIS}
     * @param maxMillis   {@link JynamoProperties#RETRY_MAX_MILLIS}, {@code 0} for no bound
     */
    public record Retries(int maxAttempts, long baseMillis, long maxMillis) {
        /** Eight attempts, from 20 ms, 20 s in all. */
        public static final Retries DEFAULT = new Retries(8, 20, 20_000);
    }

    /**
     * Reads every setting of a unit.
     *
     * @throws PersistenceException naming the key, the value and what is expected, for the first value not taken
     */
    public static UnitConfig parse(String unit, Map<String, ?> p) {
        DynamoDbClient client = client(p.get(JynamoProperties.CLIENT));
        // A given client is used as it is, so what Jynamo would need to make one is not read (nor refused).
        List<ExecutionInterceptor> interceptors = client != null ? List.of()
                : interceptors(p.get(JynamoProperties.INTERCEPTORS));
        String endpoint = client != null ? null : endpoint(text(p, JynamoProperties.ENDPOINT));
        String region = orElse(text(p, JynamoProperties.REGION), "us-east-1");
        String tablePrefix = orElse(raw(p, JynamoProperties.TABLE_PREFIX), "");
        WriteMode writeMode = Settings.property(p, WriteMode.class, JynamoProperties.WRITE_MODE, WriteMode.BATCH);
        UpdateMode updateMode = Settings.property(p, UpdateMode.class, JynamoProperties.UPDATE_MODE, UpdateMode.PUT);
        ScanPolicy scanPolicy = Settings.property(p, ScanPolicy.class, JynamoProperties.SCAN, ScanPolicy.WARN);
        boolean consistentReads = Settings.bool(p, JynamoProperties.CONSISTENT_READ, true);
        Retries retry = new Retries(
                Settings.integer(p, JynamoProperties.RETRY_MAX_ATTEMPTS, Retries.DEFAULT.maxAttempts(), 1, 1_000),
                Settings.longValue(p, JynamoProperties.RETRY_BASE_MILLIS, Retries.DEFAULT.baseMillis(), 0, 60_000),
                Settings.longValue(p, JynamoProperties.RETRY_MAX_MILLIS, Retries.DEFAULT.maxMillis(), 0, 86_400_000));
        DirtyChecking dirtyChecking = Settings.property(p, DirtyChecking.class, JynamoProperties.DIRTY_CHECKING,
                DirtyChecking.TRACKING);
        SchemaAction schemaAction = SchemaAction.of(Settings.choice(p, JynamoProperties.SCHEMA_ACTION,
                SchemaAction.NONE.value(), SchemaAction.written()));
        SharedCacheMode sharedCacheMode = Settings.property(p, SharedCacheMode.class, JynamoProperties.SHARED_CACHE_MODE,
                SharedCacheMode.UNSPECIFIED);
        long cacheMaxItems = Settings.longValue(p, JynamoProperties.CACHE_MAX_ITEMS, 10_000L, 0, Long.MAX_VALUE);
        Long cacheTtlSeconds = Settings.optionalLong(p, JynamoProperties.CACHE_TTL_SECONDS, 1, Long.MAX_VALUE);
        // The entity managers' defaults: a bad one fails the factory, not its first entity manager.
        CacheRetrieveMode cacheRetrieveMode = Settings.property(p, CacheRetrieveMode.class,
                JynamoProperties.CACHE_RETRIEVE_MODE, CacheRetrieveMode.USE);
        CacheStoreMode cacheStoreMode = Settings.property(p, CacheStoreMode.class, JynamoProperties.CACHE_STORE_MODE,
                CacheStoreMode.USE);
        int parallelism = Settings.integer(p, JynamoProperties.PARALLELISM, 8, 1, 64);
        long rateLimitRead = Settings.longValue(p, JynamoProperties.RATE_LIMIT_READ, 0, 0, 100_000_000);
        long rateLimitWrite = Settings.longValue(p, JynamoProperties.RATE_LIMIT_WRITE, 0, 0, 100_000_000);
        ClientSidePolicy clientSide = Settings.property(p, ClientSidePolicy.class, JynamoProperties.CLIENT_SIDE,
                ClientSidePolicy.WARN);
        long clientSideMaxRows = clientSideMaxRows(p, DEFAULT_CLIENT_SIDE_MAX_ROWS);
        int scanSegments = scanSegments(p, 1);
        return new UnitConfig(unit, Collections.unmodifiableMap(new LinkedHashMap<>(p)), client, interceptors, endpoint,
                region, tablePrefix, writeMode, updateMode, scanPolicy, consistentReads, retry, dirtyChecking,
                schemaAction, sharedCacheMode, cacheMaxItems, cacheTtlSeconds, cacheRetrieveMode, cacheStoreMode,
                parallelism, rateLimitRead, rateLimitWrite, clientSide, clientSideMaxRows, scanSegments);
    }

    /**
     * {@link JynamoProperties#CONSISTENT_READ} of a unit's properties or a query's hints: true or false.
     *
     * @throws PersistenceException naming the key and the value otherwise
     */
    public static boolean consistentReads(Map<String, ?> properties, boolean fallback) {
        return Settings.bool(properties, JynamoProperties.CONSISTENT_READ, fallback);
    }

    /**
     * {@link JynamoProperties#SCAN_SEGMENTS} of a unit's properties or a query's hints: 1 to 1024.
     *
     * @throws PersistenceException naming the key, the value and the range otherwise
     */
    public static int scanSegments(Map<String, ?> properties, int fallback) {
        return Settings.integer(properties, JynamoProperties.SCAN_SEGMENTS, fallback, 1, 1024);
    }

    /**
     * {@link JynamoProperties#CLIENT_SIDE_MAX_ROWS} of a unit's properties or a query's hints, at least 1.
     *
     * @throws PersistenceException naming the key, the value and the range when it is not such a number
     */
    public static long clientSideMaxRows(Map<String, ?> properties, long fallback) {
        return Settings.longValue(properties, JynamoProperties.CLIENT_SIDE_MAX_ROWS, fallback, 1, Long.MAX_VALUE);
    }

    private static DynamoDbClient client(Object given) {
        if (given == null || given instanceof DynamoDbClient) {
            return (DynamoDbClient) given;
        }
        throw new PersistenceException(JynamoProperties.CLIENT + " must be a " + DynamoDbClient.class.getName()
                + ", not a " + given.getClass().getName());
    }

    private static List<ExecutionInterceptor> interceptors(Object given) {
        if (given == null) {
            return List.of();
        }
        List<ExecutionInterceptor> interceptors = new ArrayList<>();
        for (Object i : given instanceof Collection<?> c ? c : List.of(given)) {
            if (!(i instanceof ExecutionInterceptor interceptor)) {
                throw new PersistenceException(JynamoProperties.INTERCEPTORS + " must hold " + ExecutionInterceptor.class.getName()
                        + " instances, not " + (i == null ? "null" : i.getClass().getName()));
            }
            interceptors.add(interceptor);
        }
        return List.copyOf(interceptors);
    }

    /** {@code embedded}, an http(s) URL, or {@code null} (blank too) for AWS's endpoint of the region. */
    private static String endpoint(String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            return null;
        }
        if (endpoint.equals("embedded")) {
            return endpoint;
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new PersistenceException(JynamoProperties.ENDPOINT + "='" + endpoint
                    + "' is not 'embedded' or a URL such as http://localhost:8000", e);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new PersistenceException(JynamoProperties.ENDPOINT + "='" + endpoint
                    + "' is not 'embedded' or a URL such as http://localhost:8000");
        }
        return endpoint;
    }

    private static String raw(Map<String, ?> properties, String key) {
        Object v = properties.get(key);
        return v == null ? null : v.toString();
    }

    private static String text(Map<String, ?> properties, String key) {
        String v = raw(properties, key);
        return v == null ? null : v.trim();
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
