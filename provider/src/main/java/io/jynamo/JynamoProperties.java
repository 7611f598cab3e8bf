package io.jynamo;

/**
 * The configuration keys Jynamo reads from {@code persistence.xml} properties or from the map given
 * to {@code Persistence.createEntityManagerFactory(unit, map)}; the map wins.
 *
 * <pre>{@code
 * var emf = Persistence.createEntityManagerFactory("users", Map.of(
 *         JynamoProperties.ENDPOINT, "embedded",
 *         JynamoProperties.SCHEMA_ACTION, "drop-and-create"));
 * }</pre>
 *
 * See {@code docs/configuration.md} for every value and its effect.
 */
public final class JynamoProperties {

    /** {@code embedded} (in-process engine, needs jynamo-local), {@code http://host:port}, or absent for AWS. */
    public static final String ENDPOINT = "jynamo.endpoint";

    /** The AWS region name; default {@code us-east-1}. */
    public static final String REGION = "jynamo.region";

    /** A ready {@code DynamoDbClient} (map only). Jynamo uses it and never closes it. */
    public static final String CLIENT = "jynamo.client";

    /**
     * SDK {@code ExecutionInterceptor}s (one, or a collection; map only) added to the client Jynamo
     * creates, e.g. to count or time DynamoDB calls. Ignored when {@link #CLIENT} is given.
     */
    public static final String INTERCEPTORS = "jynamo.interceptors";

    /** A string put before every table name; default empty. */
    public static final String TABLE_PREFIX = "jynamo.table-prefix";

    /** {@code batch} (BatchWriteItem, 25 a call; the default) or {@code atomic} (one TransactWriteItems per flush). */
    public static final String WRITE_MODE = "jynamo.write-mode";

    /** {@code put} (whole-item puts for changed unversioned entities; the default) or {@code patch} (UpdateItem of changed attributes). */
    public static final String UPDATE_MODE = "jynamo.update-mode";

    /** {@code allow}, {@code warn} (the default: log once per query) or {@code deny} (a query that would Scan fails before any call). */
    public static final String SCAN = "jynamo.scan";

    /**
     * What a query may run in Java after the read: conditions DynamoDB cannot evaluate ({@code UPPER(e.name) = :n})
     * and an ORDER BY no Query serves, sorted in memory. {@code allow}, {@code warn} (the default: log once per
     * query) or {@code deny} (such a query fails before any call, naming what would run in Java). A unit property
     * and a query hint.
     */
    public static final String CLIENT_SIDE = "jynamo.client-side";

    /**
     * The most rows a query sorting in memory may hold (default 100,000): past it the query fails with a
     * {@code JynamoException} instead of exhausting the heap. A unit property and a query hint.
     */
    public static final String CLIENT_SIDE_MAX_ROWS = "jynamo.client-side.max-rows";

    /** Query hint: the name of the secondary index a query must use. */
    public static final String INDEX_HINT = "jynamo.index";

    /**
     * The standard schema generation action: {@code none}, {@code create}, {@code drop-and-create}, {@code drop},
     * and {@code update} (not named by JPA, as in Hibernate): creates missing tables, adds missing global
     * secondary indexes to live tables one at a time, enables time to live; never drops a table, an index or data.
     */
    public static final String SCHEMA_ACTION = "jakarta.persistence.schema-generation.database.action";

    /**
     * The standard shared cache mode key: {@code ALL}, {@code NONE}, {@code ENABLE_SELECTIVE} (only
     * {@code @Cacheable} entities), {@code DISABLE_SELECTIVE} (all but {@code @Cacheable(false)}), or
     * {@code UNSPECIFIED} (the default, = {@code ENABLE_SELECTIVE}).
     */
    public static final String SHARED_CACHE_MODE = "jakarta.persistence.sharedCache.mode";

    /**
     * The standard cache retrieve mode key: {@code USE} (the default) or {@code BYPASS} (read DynamoDB instead of
     * the second-level cache). The default of the factory's entity managers as a unit property; also an entity
     * manager property, a {@code find} hint and a query hint.
     */
    public static final String CACHE_RETRIEVE_MODE = "jakarta.persistence.cache.retrieveMode";

    /**
     * The standard cache store mode key: {@code USE} (the default), {@code BYPASS} or {@code REFRESH}: what reads
     * and commits put into the second-level cache. A unit property (the entity managers' default), an entity
     * manager property, a {@code find} hint and a query hint.
     */
    public static final String CACHE_STORE_MODE = "jakarta.persistence.cache.storeMode";

    /** The most items the second-level cache of a factory holds (a whole number ≥ 0); default 10,000. */
    public static final String CACHE_MAX_ITEMS = "jynamo.cache.max-items";

    /**
     * Seconds after which an item put into the second-level cache is dropped (a whole number ≥ 1);
     * default none. Bounds how long writes that bypass the factory (other processes) stay unseen.
     */
    public static final String CACHE_TTL_SECONDS = "jynamo.cache.ttl-seconds";

    /**
     * {@code true} (the default) or {@code false}: strongly consistent {@code GetItem}, {@code BatchGetItem},
     * and table or local-index {@code Query} and {@code Scan}. Nothing but true or false (any case) is taken.
     */
    public static final String CONSISTENT_READ = "jynamo.consistent-read";

    /** How many times a batch of unprocessed items or keys, or a throttled call, is sent at most: 1 to 1000; default 8. */
    public static final String RETRY_MAX_ATTEMPTS = "jynamo.retry.max-attempts";

    /** The first backoff ceiling in milliseconds, doubling up to 2 s: 0 to 60000; default 20. */
    public static final String RETRY_BASE_MILLIS = "jynamo.retry.base-millis";

    /**
     * How long, in milliseconds, one operation may spend on its retries in all: 0 (no bound) to
     * 86400000; default 20000. Whichever of this and {@link #RETRY_MAX_ATTEMPTS} ends first stops the retries.
     */
    public static final String RETRY_MAX_MILLIS = "jynamo.retry.max-millis";

    /**
     * How many DynamoDB calls of one operation (the batches of a flush, the chunks of a batch read) are in
     * flight at once, and how many threads a factory uses for them: 1 (one after another) to 64; default 8.
     */
    public static final String PARALLELISM = "jynamo.parallelism";

    /**
     * How many segments a {@code Scan} is read in, concurrently (DynamoDB's parallel scan, {@code Segment} /
     * {@code TotalSegments}): 1 (the default, one sequential scan) to 1024. Also a query hint. A query reads its
     * segments whole, so use it for counts, bulk statements and queries that read the whole table anyway.
     */
    public static final String SCAN_SEGMENTS = "jynamo.scan.segments";

    /**
     * The most read capacity units per second the factory's calls may consume: a whole number, 0 (the default)
     * for no limit. A token bucket fed by the units DynamoDB reports; calls wait while it is empty.
     */
    public static final String RATE_LIMIT_READ = "jynamo.rate-limit.read";

    /** Like {@link #RATE_LIMIT_READ}, for write capacity units. */
    public static final String RATE_LIMIT_WRITE = "jynamo.rate-limit.write";

    /**
     * How changes to managed entities are found at flush: {@code tracking} (the default: the entity's
     * proxy records which attributes were set) or {@code snapshot} (every managed entity is compared with
     * the item it was loaded from).
     */
    public static final String DIRTY_CHECKING = "jynamo.dirty-checking";

    /** The standard key naming the provider class. */
    public static final String PROVIDER = "jakarta.persistence.provider";

    private JynamoProperties() {
    }
}
