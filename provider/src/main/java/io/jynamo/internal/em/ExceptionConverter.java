package io.jynamo.internal.em;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.internal.dynamo.Clients;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** DynamoDB's and the SDK's failures as the {@code PersistenceException}s JPA callers expect, saying what to do. */
final class ExceptionConverter {

    private ExceptionConverter() {
    }

    /** A failure of the SDK in a request of the named persistence unit made with that client. */
    static JynamoException translate(SdkException e, String unit, DynamoDbClient client) {
        JynamoException unreachable = Clients.connectionFailure(e, client);
        if (unreachable != null) {
            return unreachable;
        }
        if (e instanceof ResourceNotFoundException) {
            return new JynamoException("DynamoDB has no table (or index) this request of persistence unit '"
                    + unit + "' needs: " + e.getMessage() + ". Create the tables with "
                    + JynamoProperties.SCHEMA_ACTION + "=create (or emf.getSchemaManager().create(true)), or check "
                    + JynamoProperties.TABLE_PREFIX + ", " + JynamoProperties.REGION + " and " + JynamoProperties.ENDPOINT, e);
        }
        return new JynamoException("DynamoDB refused a request of persistence unit '" + unit + "': "
                + e.getMessage(), e);
    }
}
