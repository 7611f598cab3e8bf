package io.jynamo;

import java.util.List;

/**
 * Thrown by a flush (or commit) in {@code jynamo.write-mode=batch} that wrote part of its work and
 * then could not go on. A batch-mode flush is not atomic, so Jynamo says exactly what it did:
 * {@link #writtenKeys()} are stored, {@link #unwrittenKeys()} are not (or not confirmed, when DynamoDB
 * failed without saying). The transaction stays active and the unwritten entities stay managed and
 * pending: once the cause is gone, {@code flush()} or {@code commit()} again sends exactly what is
 * missing; {@code rollback()} drops it, but cannot undo what was written.
 *
 * <pre>{@code
 * try {
 *     tx.commit();
 * } catch (IncompleteFlushException e) {
 *     log.warn("not written: {}", e.unwrittenKeys());
 *     tx.commit(); // later, once DynamoDB answers again
 * }
 * }</pre>
 *
 * <p>When a flush fails before anything was written, the usual JPA exception is thrown instead
 * (for a commit, a {@code RollbackException}), since nothing needs reporting.
 */
public class IncompleteFlushException extends JynamoException {

    private static final long serialVersionUID = 1L;

    private final List<String> writtenKeys;
    private final List<String> unwrittenKeys;

    /**
     * An exception naming the keys, rendered as {@code Entity{attr=value, ...}}, that were and were not written.
     *
     * @param cause what stopped the flush, or {@code null} when DynamoDB only kept refusing writes
     */
    public IncompleteFlushException(String message, List<String> writtenKeys, List<String> unwrittenKeys,
                                    Throwable cause) {
        super(message, cause);
        this.writtenKeys = List.copyOf(writtenKeys);
        this.unwrittenKeys = List.copyOf(unwrittenKeys);
    }

    /** Every key this flush wrote, as {@code Entity{attr=value, ...}}. */
    public List<String> writtenKeys() {
        return writtenKeys;
    }

    /** Every key this flush did not write (or could not confirm), as {@code Entity{attr=value, ...}}. */
    public List<String> unwrittenKeys() {
        return unwrittenKeys;
    }
}
