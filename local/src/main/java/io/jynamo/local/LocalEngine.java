package io.jynamo.local;

import io.jynamo.spi.EmbeddedEngine;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Makes {@code jynamo.endpoint=embedded} use the JVM's {@link LocalDynamo}. Found by {@link java.util.ServiceLoader}. */
public final class LocalEngine implements EmbeddedEngine {

    /** Made by the service loader. */
    public LocalEngine() {
    }

    @Override
    public DynamoDbClient start(String region, ClientOverrideConfiguration override) {
        return LocalDynamo.shared().newClient(region, override);
    }
}
