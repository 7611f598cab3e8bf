package io.jynamo.tck.bootstrap;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.local.LocalDynamo;
import io.jynamo.tck.model.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Permanent throttling through a client Jynamo makes (issue 8, item 9): Jynamo's budget is the only
 * one. The SDK does not retry throttling inside each of Jynamo's attempts, so a throttled call is sent
 * exactly {@code jynamo.retry.max-attempts} times, not that many times the SDK's own attempts.
 */
class RetryBudgetTest {

    /** Answers every GetItem with DynamoDB's throttling error, and counts the HTTP attempts. */
    private static final class Throttle implements ExecutionInterceptor {
        final AtomicInteger attempts = new AtomicInteger();

        private static boolean getItem(Context.AfterTransmission context) {
            return context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").endsWith("GetItem");
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").endsWith("GetItem")) {
                attempts.incrementAndGet();
            }
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            return getItem(context) ? context.httpResponse().toBuilder().statusCode(400).build() : context.httpResponse();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!getItem(context)) {
                return context.responseBody();
            }
            String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"injected throttling\"}";
            return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aPermanentlyThrottledReadIsSentExactlyMaxAttemptsTimes() {
        Throttle throttle = new Throttle();
        try (EntityManagerFactory emf = new PersistenceConfiguration("tck-retry-budget")
                .managedClass(User.class)
                .property(JynamoProperties.ENDPOINT, LocalDynamo.shared().endpoint().toString())
                .property(JynamoProperties.TABLE_PREFIX, "retry-budget-" + ProcessHandle.current().pid() + "-")
                .property(JynamoProperties.SCHEMA_ACTION, "drop-and-create")
                .property(JynamoProperties.INTERCEPTORS, List.of(throttle))
                .property(JynamoProperties.RETRY_MAX_ATTEMPTS, "4")
                .property(JynamoProperties.RETRY_BASE_MILLIS, "1")
                .createEntityManagerFactory()) {
            EntityManager em = emf.createEntityManager();
            JynamoException e = assertThrows(JynamoException.class, () -> em.find(User.class, "someone"));
            assertEquals(4, throttle.attempts.get(), e.getMessage());
            emf.getSchemaManager().drop(true);
        }
    }
}
