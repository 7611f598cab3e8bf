package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.IncompleteFlushException;
import io.jynamo.JynamoException;
import io.jynamo.UnprocessedWritesException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.orm.jpa.JpaSystemException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Each kind of Jynamo failure becomes the Spring exception that says what kind it is, keeping it as the cause. */
class JynamoJpaDialectTest {

    private final JynamoJpaDialect dialect = new JynamoJpaDialect();

    private DataAccessException translate(RuntimeException ex) {
        DataAccessException translated = dialect.translateExceptionIfPossible(ex);
        assertThat(translated).isNotNull();
        assertThat(translated.getCause()).isSameAs(ex);
        return translated;
    }

    @Test
    void aPartlyWrittenFlushIsRecoverableAndKeepsTheKeys() {
        IncompleteFlushException ex = new IncompleteFlushException("stopped", List.of("Customer{id=c1}"),
                List.of("Customer{id=c2}"), new IllegalStateException("server error"));
        DataAccessException translated = translate(ex);
        assertThat(translated).isInstanceOf(RecoverableDataAccessException.class);
        assertThat(((IncompleteFlushException) translated.getCause()).unwrittenKeys()).containsExactly("Customer{id=c2}");
    }

    @Test
    void writesStillThrottledAfterTheRetryBudgetAreTransient() {
        assertThat(translate(new UnprocessedWritesException("throttled", List.of("Customer{id=c1}"))))
                .isInstanceOf(TransientDataAccessResourceException.class);
    }

    @Test
    void throttlingIsTransient() {
        assertThat(translate(new JynamoException("refused",
                ProvisionedThroughputExceededException.builder().message("slow down").build())))
                .isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(translate(new JynamoException("refused", DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build())))
                .isInstanceOf(TransientDataAccessResourceException.class);
    }

    @Test
    void aTransactionCancelledByAConflictIsAConcurrencyFailure() {
        TransactionCanceledException cancelled = TransactionCanceledException.builder().message("cancelled")
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("TransactionConflict").build())
                .build();
        assertThat(translate(new JynamoException("cancelled", cancelled))).isInstanceOf(ConcurrencyFailureException.class);
    }

    @Test
    void aMissingTableIsAnInvalidResourceUsageAndAnUnreachableEndpointAResourceFailure() {
        assertThat(translate(new JynamoException("no table", ResourceNotFoundException.builder().message("x").build())))
                .isInstanceOf(InvalidDataAccessResourceUsageException.class);
        assertThat(translate(new JynamoException("down", SdkClientException.create("connection refused"))))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void otherJynamoFailuresAreJpaSystemExceptions() {
        assertThat(translate(new JynamoException("would Scan"))).isInstanceOf(JpaSystemException.class);
        assertThat(translate(new JynamoException("refused", DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build())))
                .isInstanceOf(JpaSystemException.class);
    }

    @Test
    void standardJpaExceptionsAreLeftToSpringsConversion() {
        assertThat(translate(new OptimisticLockException("changed"))).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(translate(new EntityExistsException("exists"))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(translate(new IllegalArgumentException("bad query"))).isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(dialect.translateExceptionIfPossible(new UnsupportedOperationException("x"))).isNull();
    }
}
