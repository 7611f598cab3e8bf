package io.jynamo.spring;

import io.jynamo.JynamoProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code jynamo.*} keys of {@code application.properties} or {@code application.yaml}, turned into the
 * persistence unit properties of {@link JynamoProperties} by {@link #toUnitProperties()}.
 *
 * <pre>{@code
 * jynamo.endpoint=http://localhost:8000
 * jynamo.table-prefix=dev-
 * jynamo.schema-action=update
 * jynamo.scan=deny
 * }</pre>
 *
 * Values are handed to Jynamo as text and read there by its one strict parser, so a value Jynamo refuses
 * fails the start with Jynamo's own message. Every other unit property (for example
 * {@code jakarta.persistence.cache.retrieveMode}) can be given under {@code jynamo.properties.*}; those win
 * over the typed keys. See {@code docs/spring.md}.
 */
@ConfigurationProperties(prefix = "jynamo")
public class JynamoSpringProperties {

    /** The values of jynamo.write-mode. */
    public enum WriteMode {
        /** Unconditional writes go out in BatchWriteItem calls of 25 (not atomic). */
        BATCH,
        /** A commit is one TransactWriteItems: all or nothing, at most 100 items and 4 MB. */
        ATOMIC
    }

    /** The values of jynamo.update-mode. */
    public enum UpdateMode {
        /** A changed unversioned entity is written as a whole item, batched. */
        PUT,
        /** A changed unversioned entity is written by one UpdateItem of its changed attributes. */
        PATCH
    }

    /** The values of jynamo.scan. */
    public enum ScanPolicy {
        /** Queries that need a Scan run. */
        ALLOW,
        /** Queries that need a Scan run and log a warning once per query string. */
        WARN,
        /** Queries that need a Scan fail before any call. */
        DENY
    }

    /** The values of jynamo.dirty-checking. */
    public enum DirtyChecking {
        /** The entity's proxy records which attributes were set. */
        TRACKING,
        /** Every managed entity is compared with the item it was loaded from. */
        SNAPSHOT
    }

    /** The values of jynamo.schema-action (jakarta.persistence.schema-generation.database.action). */
    public enum SchemaAction {
        /** Leave the tables alone. */
        NONE,
        /** Create missing tables with their indexes. */
        CREATE,
        /** Drop the tables, then create them. */
        DROP_AND_CREATE,
        /** Drop the tables. */
        DROP,
        /** Create missing tables, add missing global indexes, enable time to live; never drops anything. */
        UPDATE
    }

    /** The values of jynamo.cache.mode (jakarta.persistence.sharedCache.mode). */
    public enum CacheMode {
        /** Cache every entity. */
        ALL,
        /** Cache no entity. */
        NONE,
        /** Cache only @Cacheable entities. */
        ENABLE_SELECTIVE,
        /** Cache every entity but @Cacheable(false) ones. */
        DISABLE_SELECTIVE,
        /** The default: ENABLE_SELECTIVE. */
        UNSPECIFIED
    }

    /**
     * Where DynamoDB is: "embedded" (the local engine of jynamo-local), "http://host:port", or empty for AWS
     * with the SDK's default credentials chain. When empty and jynamo-local is on the class path, "embedded".
     */
    private String endpoint;

    /** The AWS region of the client Jynamo makes. Jynamo's default is us-east-1. */
    private String region;

    /** A string put before every table name, e.g. "dev-". */
    private String tablePrefix;

    /** How a flush writes: batch (BatchWriteItem, not atomic; the default) or atomic (one TransactWriteItems). */
    private WriteMode writeMode;

    /** How a changed unversioned entity is written: put (whole item; the default) or patch (UpdateItem). */
    private UpdateMode updateMode;

    /** What a query that needs a Scan does: allow, warn (the default) or deny. */
    private ScanPolicy scan;

    /** Strongly consistent reads (GetItem, BatchGetItem, table and local index Query/Scan). Jynamo's default is true. */
    private Boolean consistentRead;

    /** How changes to managed entities are found at flush: tracking (the default) or snapshot. */
    private DirtyChecking dirtyChecking;

    /**
     * What the factory does to the tables at start (jakarta.persistence.schema-generation.database.action).
     * Defaults to create on the embedded engine, none otherwise.
     */
    private SchemaAction schemaAction;

    /** Name of the persistence unit the starter builds. */
    private String persistenceUnitName = "default";

    /** Retries of throttled calls and unprocessed batch items. */
    private final Retry retry = new Retry();

    /** The second-level cache. */
    private final Cache cache = new Cache();

    /** Further persistence unit properties handed to Jynamo as they are; they win over the keys above. */
    private final Map<String, String> properties = new LinkedHashMap<>();

    /** Retries of throttled calls and unprocessed batch items. */
    public static class Retry {

        /** How often a batch's unprocessed items or a throttled call are sent at most (1 to 1000; Jynamo's default 8). */
        private Integer maxAttempts;

        /** The first backoff ceiling in milliseconds, doubling up to 2 s (0 to 60000; Jynamo's default 20). */
        private Long baseMillis;

        /** How long one flush or batched read may spend in all, retries included, in milliseconds (0 = no bound; Jynamo's default 20000). */
        private Long maxMillis;

        /** @return the most sends of one batch or call, or {@code null} for Jynamo's default */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts the most sends of one batch or call */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the first backoff ceiling in milliseconds, or {@code null} for Jynamo's default */
        public Long getBaseMillis() {
            return baseMillis;
        }

        /** @param baseMillis the first backoff ceiling in milliseconds */
        public void setBaseMillis(Long baseMillis) {
            this.baseMillis = baseMillis;
        }

        /** @return the time budget of one operation in milliseconds, or {@code null} for Jynamo's default */
        public Long getMaxMillis() {
            return maxMillis;
        }

        /** @param maxMillis the time budget of one operation in milliseconds, 0 for none */
        public void setMaxMillis(Long maxMillis) {
            this.maxMillis = maxMillis;
        }
    }

    /** The second-level cache. */
    public static class Cache {

        /** Which entities the second-level cache holds (jakarta.persistence.sharedCache.mode). */
        private CacheMode mode;

        /** The most items the second-level cache holds (Jynamo's default 10000). */
        private Long maxItems;

        /** Seconds after which a cached item is dropped (Jynamo's default: never). */
        private Long ttlSeconds;

        /** @return the shared cache mode, or {@code null} for the default */
        public CacheMode getMode() {
            return mode;
        }

        /** @param mode which entities the cache holds */
        public void setMode(CacheMode mode) {
            this.mode = mode;
        }

        /** @return the most cached items, or {@code null} for Jynamo's default */
        public Long getMaxItems() {
            return maxItems;
        }

        /** @param maxItems the most cached items */
        public void setMaxItems(Long maxItems) {
            this.maxItems = maxItems;
        }

        /** @return the time to live of a cached item in seconds, or {@code null} for none */
        public Long getTtlSeconds() {
            return ttlSeconds;
        }

        /** @param ttlSeconds the time to live of a cached item in seconds */
        public void setTtlSeconds(Long ttlSeconds) {
            this.ttlSeconds = ttlSeconds;
        }
    }

    /**
     * The persistence unit properties these keys stand for, with only the keys that were set; Jynamo's
     * defaults apply to the others. Nothing here picks the embedded engine: see {@link JynamoAutoConfiguration}.
     */
    public Map<String, Object> toUnitProperties() {
        Map<String, Object> unit = new LinkedHashMap<>();
        put(unit, JynamoProperties.ENDPOINT, blankToNull(endpoint));
        put(unit, JynamoProperties.REGION, blankToNull(region));
        put(unit, JynamoProperties.TABLE_PREFIX, tablePrefix);
        put(unit, JynamoProperties.WRITE_MODE, word(writeMode));
        put(unit, JynamoProperties.UPDATE_MODE, word(updateMode));
        put(unit, JynamoProperties.SCAN, word(scan));
        put(unit, JynamoProperties.CONSISTENT_READ, consistentRead);
        put(unit, JynamoProperties.DIRTY_CHECKING, word(dirtyChecking));
        put(unit, JynamoProperties.SCHEMA_ACTION, word(schemaAction));
        put(unit, JynamoProperties.RETRY_MAX_ATTEMPTS, retry.maxAttempts);
        put(unit, JynamoProperties.RETRY_BASE_MILLIS, retry.baseMillis);
        put(unit, JynamoProperties.RETRY_MAX_MILLIS, retry.maxMillis);
        put(unit, JynamoProperties.SHARED_CACHE_MODE, cache.mode == null ? null : cache.mode.name());
        put(unit, JynamoProperties.CACHE_MAX_ITEMS, cache.maxItems);
        put(unit, JynamoProperties.CACHE_TTL_SECONDS, cache.ttlSeconds);
        unit.putAll(properties);
        return unit;
    }

    private static void put(Map<String, Object> unit, String key, Object value) {
        if (value != null) {
            // as text, so that Jynamo's strict parser reads every value the same way whatever its source
            unit.put(key, value.toString());
        }
    }

    private static String word(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return the endpoint, or {@code null} when none was set */
    public String getEndpoint() {
        return endpoint;
    }

    /** @param endpoint "embedded", "http://host:port", or empty for AWS */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /** @return the region, or {@code null} for Jynamo's default */
    public String getRegion() {
        return region;
    }

    /** @param region an AWS region name */
    public void setRegion(String region) {
        this.region = region;
    }

    /** @return the table prefix, or {@code null} for none */
    public String getTablePrefix() {
        return tablePrefix;
    }

    /** @param tablePrefix a string put before every table name */
    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** @return the write mode, or {@code null} for Jynamo's default */
    public WriteMode getWriteMode() {
        return writeMode;
    }

    /** @param writeMode batch or atomic */
    public void setWriteMode(WriteMode writeMode) {
        this.writeMode = writeMode;
    }

    /** @return the update mode, or {@code null} for Jynamo's default */
    public UpdateMode getUpdateMode() {
        return updateMode;
    }

    /** @param updateMode put or patch */
    public void setUpdateMode(UpdateMode updateMode) {
        this.updateMode = updateMode;
    }

    /** @return the scan policy, or {@code null} for Jynamo's default */
    public ScanPolicy getScan() {
        return scan;
    }

    /** @param scan allow, warn or deny */
    public void setScan(ScanPolicy scan) {
        this.scan = scan;
    }

    /** @return whether reads are strongly consistent, or {@code null} for Jynamo's default */
    public Boolean getConsistentRead() {
        return consistentRead;
    }

    /** @param consistentRead whether reads are strongly consistent */
    public void setConsistentRead(Boolean consistentRead) {
        this.consistentRead = consistentRead;
    }

    /** @return the dirty checking, or {@code null} for Jynamo's default */
    public DirtyChecking getDirtyChecking() {
        return dirtyChecking;
    }

    /** @param dirtyChecking tracking or snapshot */
    public void setDirtyChecking(DirtyChecking dirtyChecking) {
        this.dirtyChecking = dirtyChecking;
    }

    /** @return the schema action, or {@code null} when none was set */
    public SchemaAction getSchemaAction() {
        return schemaAction;
    }

    /** @param schemaAction what the factory does to the tables at start */
    public void setSchemaAction(SchemaAction schemaAction) {
        this.schemaAction = schemaAction;
    }

    /** @return the name of the persistence unit */
    public String getPersistenceUnitName() {
        return persistenceUnitName;
    }

    /** @param persistenceUnitName the name of the persistence unit */
    public void setPersistenceUnitName(String persistenceUnitName) {
        this.persistenceUnitName = persistenceUnitName;
    }

    /** @return the retry settings */
    public Retry getRetry() {
        return retry;
    }

    /** @return the second-level cache settings */
    public Cache getCache() {
        return cache;
    }

    /** @return further unit properties, handed to Jynamo as they are */
    public Map<String, String> getProperties() {
        return properties;
    }
}
