package io.jynamo.internal.flush;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.List;

/** The words for what stopped a flush. */
final class Failures {

    private Failures() {
    }

    /** A write to a table DynamoDB does not have: names the tables and says how to create them. */
    static JynamoException missingTable(List<String> tables, ResourceNotFoundException cause) {
        return new JynamoException("DynamoDB has no table " + String.join(" or ", tables) + " to write to ("
                + cause.getMessage() + "). Create the tables with " + JynamoProperties.SCHEMA_ACTION
                + "=create (or emf.getSchemaManager().create(true)), or check " + JynamoProperties.TABLE_PREFIX
                + ", " + JynamoProperties.REGION + " and " + JynamoProperties.ENDPOINT, cause);
    }

    /** One line about a failure: its type, and DynamoDB's error code and status where there are some. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            sb.append(" (").append(ase.awsErrorDetails().errorCode()).append(", HTTP ").append(ase.statusCode()).append(')');
        }
        return sb.append(": ").append(e.getMessage()).toString();
    }
}
