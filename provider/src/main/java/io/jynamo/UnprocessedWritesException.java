package io.jynamo;

import java.util.List;

/**
 * Thrown by a flush when DynamoDB still refused some writes after every retry. Nothing was
 * dropped silently: {@link #unwrittenKeys()} names each item that was not written, and the
 * persistence context keeps those entities pending, so flushing again once the cause has gone
 * finishes the job.
 */
public class UnprocessedWritesException extends JynamoException {

    private static final long serialVersionUID = 1L;

    private final List<String> unwrittenKeys;

    /** An exception listing the keys, rendered as {@code Entity{attr=value, ...}}, that were not written. */
    public UnprocessedWritesException(String message, List<String> unwrittenKeys) {
        super(message);
        this.unwrittenKeys = List.copyOf(unwrittenKeys);
    }

    /** Every key that was not written, as {@code Entity{attr=value, ...}}. */
    public List<String> unwrittenKeys() {
        return unwrittenKeys;
    }
}
