package io.jynamo;

import java.util.List;

/**
 * Thrown by a flush when DynamoDB still refused some writes (unprocessed items, throttling) after
 * the whole retry budget ({@code jynamo.retry.max-attempts}, {@code jynamo.retry.max-millis}).
 * Nothing was dropped silently: {@link #unwrittenKeys()} names each item that was not written, and
 * the persistence context keeps those entities pending, so flushing again once the cause has gone
 * finishes the job.
 */
public class UnprocessedWritesException extends IncompleteFlushException {

    private static final long serialVersionUID = 1L;

    /** An exception listing the keys, rendered as {@code Entity{attr=value, ...}}, that were not written. */
    public UnprocessedWritesException(String message, List<String> unwrittenKeys) {
        this(message, List.of(), unwrittenKeys);
    }

    /** An exception listing the keys that were written and those that were not. */
    public UnprocessedWritesException(String message, List<String> writtenKeys, List<String> unwrittenKeys) {
        super(message, writtenKeys, unwrittenKeys, null);
    }
}
