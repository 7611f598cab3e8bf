package io.jynamo.spi;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Provides the DynamoDB engine behind {@code jynamo.endpoint=embedded}. Found through
 * {@link java.util.ServiceLoader}; the {@code jynamo-local} module implements it.
 */
public interface EmbeddedEngine {

    /**
     * Starts the engine if needed and returns a client for it. The factory closes the client when
     * it closes; the engine itself may be shared by several factories of one JVM.
     *
     * @param region   the region the client should claim
     * @param override the client configuration Jynamo wants (interceptors, for instance)
     */
    DynamoDbClient start(String region, ClientOverrideConfiguration override);
}
