package io.jynamo;

import jakarta.persistence.PersistenceException;

/**
 * A failure specific to DynamoDB that the Jakarta Persistence specification has no exception for.
 * Where the specification names an exception (for example {@code OptimisticLockException} or
 * {@code EntityExistsException}) Jynamo throws that one instead.
 */
public class JynamoException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that says what failed, where, and what to do. */
    public JynamoException(String message) {
        super(message);
    }

    /** An exception with a message and the DynamoDB or SDK failure behind it. */
    public JynamoException(String message, Throwable cause) {
        super(message, cause);
    }
}
