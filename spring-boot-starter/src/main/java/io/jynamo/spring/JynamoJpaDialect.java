package io.jynamo.spring;

import io.jynamo.IncompleteFlushException;
import io.jynamo.JynamoException;
import io.jynamo.UnprocessedWritesException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.orm.jpa.DefaultJpaDialect;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Jynamo's exceptions as Spring's {@link DataAccessException}s; what it does not know it leaves to
 * {@link EntityManagerFactoryUtils#convertJpaAccessExceptionIfPossible} (so an {@code OptimisticLockException}
 * becomes an {@code ObjectOptimisticLockingFailureException}, an {@code EntityExistsException} a
 * {@code DataIntegrityViolationException}, an {@code IllegalArgumentException} of a refused query an
 * {@code InvalidDataAccessApiUsageException}, and so on).
 *
 * <table>
 * <caption>What Jynamo's exceptions become</caption>
 * <tr><th>Jynamo</th><th>Spring</th></tr>
 * <tr><td>{@link UnprocessedWritesException} (writes still throttled after the retry budget)</td>
 *     <td>{@link TransientDataAccessResourceException}</td></tr>
 * <tr><td>{@link IncompleteFlushException} (a batch-mode flush wrote part of its work)</td>
 *     <td>{@link RecoverableDataAccessException}</td></tr>
 * <tr><td>{@link JynamoException} caused by throttling</td><td>{@link TransientDataAccessResourceException}</td></tr>
 * <tr><td>{@link JynamoException} caused by a transaction conflict</td><td>{@link ConcurrencyFailureException}</td></tr>
 * <tr><td>{@link JynamoException} caused by a missing table or index</td>
 *     <td>{@link InvalidDataAccessResourceUsageException}</td></tr>
 * <tr><td>{@link JynamoException} caused by an unreachable endpoint</td>
 *     <td>{@link DataAccessResourceFailureException}</td></tr>
 * <tr><td>any other {@link JynamoException}</td><td>{@code JpaSystemException}</td></tr>
 * </table>
 *
 * The Jynamo exception is always the cause, so {@code IncompleteFlushException.writtenKeys()} and
 * {@code unwrittenKeys()} stay reachable.
 */
public class JynamoJpaDialect extends DefaultJpaDialect {

    private static final long serialVersionUID = 1L;

    /** Made by {@link JynamoJpaVendorAdapter}, or by an application that builds its own factory bean. */
    public JynamoJpaDialect() {
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        DataAccessException jynamo = translateJynamo(ex);
        return jynamo != null ? jynamo : super.translateExceptionIfPossible(ex);
    }

    private static DataAccessException translateJynamo(RuntimeException ex) {
        if (ex instanceof UnprocessedWritesException e) {
            return new TransientDataAccessResourceException(e.getMessage(), e);
        }
        if (ex instanceof IncompleteFlushException e) {
            return new RecoverableDataAccessException(e.getMessage(), e);
        }
        if (!(ex instanceof JynamoException)) {
            return null;
        }
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (throttled(cause)) {
                return new TransientDataAccessResourceException(ex.getMessage(), ex);
            }
            if (cause instanceof TransactionConflictException || conflictCancelled(cause)) {
                return new ConcurrencyFailureException(ex.getMessage(), ex);
            }
            if (cause instanceof ResourceNotFoundException) {
                return new InvalidDataAccessResourceUsageException(ex.getMessage(), ex);
            }
            if (cause instanceof SdkClientException) {
                return new DataAccessResourceFailureException(ex.getMessage(), ex);
            }
        }
        return null;
    }

    private static boolean throttled(Throwable cause) {
        return cause instanceof ProvisionedThroughputExceededException
                || cause instanceof RequestLimitExceededException
                || cause instanceof SdkServiceException service && service.isThrottlingException();
    }

    private static boolean conflictCancelled(Throwable cause) {
        return cause instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream().map(CancellationReason::code)
                        .anyMatch("TransactionConflict"::equals);
    }
}
