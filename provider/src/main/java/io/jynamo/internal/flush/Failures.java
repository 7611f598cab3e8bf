package io.jynamo.internal.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.UnprocessedWritesException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.List;
import java.util.Set;

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

    /** Writes DynamoDB left unprocessed within the retry budget: they stay pending for the next flush. */
    static UnprocessedWritesException unprocessed(List<Write> writes, Set<Write> confirmed, List<Write> failed) {
        List<String> unwritten = failed.stream().map(w -> w.entry().describe()).toList();
        return new UnprocessedWritesException("DynamoDB did not accept " + unwritten.size() + " of " + writes.size()
                + " writes within the retry budget (throttling or capacity); they are still pending and a later"
                + " flush or commit will send them again: " + unwritten, written(writes, confirmed), unwritten);
    }

    /** A batch-mode flush that failed after some of its writes were confirmed: names both parts. */
    static IncompleteFlushException incomplete(List<Write> writes, Set<Write> confirmed, RuntimeException cause) {
        List<String> written = written(writes, confirmed);
        List<String> unwritten = writes.stream().filter(w -> !confirmed.contains(w)).map(w -> w.entry().describe()).toList();
        return new IncompleteFlushException("The flush wrote " + written.size() + " of " + writes.size()
                + " items and then failed: " + describe(cause) + ". jynamo.write-mode=batch is not atomic:"
                + " the written items stay written; the " + unwritten.size() + " others (not written, or not"
                + " confirmed) stay pending, and flush() or commit() again sends them, while rollback() drops them."
                + " Written: " + written + ". Not written: " + unwritten, written, unwritten, cause);
    }

    private static List<String> written(List<Write> writes, Set<Write> confirmed) {
        return writes.stream().filter(confirmed::contains).map(w -> w.entry().describe()).toList();
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
