package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jynamo.IncompleteFlushException;
import io.jynamo.spring.sample.Customer;
import io.jynamo.spring.sample.Reading;
import io.jynamo.spring.sample.ReadingRepository;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;

/**
 * A commit that fails after part of a batch-mode flush was written: Spring reports it as a
 * {@link RecoverableDataAccessException} whose cause names the written and unwritten keys, and then rolls the
 * transaction back, which drops the unwritten entities (unlike plain JPA, where the transaction stays active
 * for another commit). Faults come from an {@link ExecutionInterceptor} bean on the real client of the embedded
 * engine, which the starter adds to the client Jynamo makes.
 */
class CommitFailureTest {

    /** Lets the first BatchWriteItem through and fails every later one while armed. */
    static final class FailLaterBatches implements ExecutionInterceptor {
        final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            // The batches of one flush go out in parallel, so the one to fail is chosen by content, not by order:
            // the short batch (the last five readings), whichever is sent first.
            if (armed.get() && context.request() instanceof BatchWriteItemRequest batch
                    && batch.requestItems().values().stream().mapToInt(List::size).sum() < 25) {
                throw SdkClientException.create("injected: the network went away");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Customer.class)
    static class FaultyConfiguration {
        @Bean
        FailLaterBatches failLaterBatches() {
            return new FailLaterBatches();
        }
    }

    @Test
    void aCommitThatWroteOnlyPartIsRecoverableNamesTheKeysAndSpringRollsBackTheRest() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JynamoAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withUserConfiguration(FaultyConfiguration.class)
                .withPropertyValues("jynamo.table-prefix=spring-fault-", "jynamo.retry.max-attempts=1",
                        "jynamo.retry.max-millis=2000")
                .run(context -> {
                    ReadingRepository readings = context.getBean(ReadingRepository.class);
                    context.getBean(EntityManagerFactory.class).getSchemaManager().truncate();
                    List<Reading> thirty = new ArrayList<>();
                    for (int seq = 0; seq < 30; seq++) {
                        // unversioned new entities go out in BatchWriteItem calls of 25: here 25, then 5
                        thirty.add(new Reading("s1", seq, seq, "ok"));
                    }
                    FailLaterBatches faults = context.getBean(FailLaterBatches.class);
                    faults.armed.set(true);
                    TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
                    assertThatThrownBy(() -> tx.executeWithoutResult(status -> thirty.forEach(readings::save)))
                            .isInstanceOf(RecoverableDataAccessException.class)
                            .cause().isInstanceOfSatisfying(IncompleteFlushException.class, e -> {
                                assertThat(e.writtenKeys()).hasSize(25);
                                assertThat(e.unwrittenKeys()).hasSize(5);
                            });
                    faults.armed.set(false);
                    // what the first batch wrote stays; the rest was dropped by Spring's rollback
                    assertThat(readings.count()).isEqualTo(25);
                });
    }
}
