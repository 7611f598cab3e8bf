package io.jynamo.internal.query;

import io.jynamo.internal.cache.SharedCache;
import io.jynamo.internal.dynamo.Dynamo;
import io.jynamo.internal.config.ClientSidePolicy;
import io.jynamo.internal.config.ScanPolicy;
import io.jynamo.internal.metadata.EntityMeta;

import java.util.function.Supplier;

/**
 * What queries need of their persistence unit: metadata, the DynamoDB gateway, the second-level cache,
 * value conversion and the scan policy. The factory implements it; queries depend on this contract only.
 */
public interface QueryServices {

    /** The entity of that JPQL name. */
    EntityMeta entity(String name);

    ProviderQueryModel queryModel();

    Dynamo dynamo();

    SharedCache cache();

    /** Whether table and local-index reads are strongly consistent ({@code jynamo.consistent-read}). */
    boolean consistentReads();

    /** The unit's {@code jynamo.scan}. */
    ScanPolicy scanPolicy();

    /** The unit's {@code jynamo.client-side}. */
    ClientSidePolicy clientSidePolicy();

    /** The unit's {@code jynamo.client-side.max-rows}. */
    long clientSideMaxRows();

    /** How many segments a Scan is read in, concurrently ({@code jynamo.scan.segments}), without a hint. */
    int scanSegments();

    /** Logs the message once per query text ({@code jynamo.scan=warn}), remembering a bounded number of texts. */
    void warnScanOnce(String jpql, Supplier<String> message);
}
