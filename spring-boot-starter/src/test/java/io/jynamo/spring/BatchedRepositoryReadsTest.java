package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.spring.sample.Customer;
import io.jynamo.spring.sample.CustomerRepository;
import io.jynamo.spring.sample.Reading;
import io.jynamo.spring.sample.ReadingRepository;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The repository methods on many entities that Spring Data runs as one read per entity (merge in {@code saveAll},
 * find in {@code deleteAll} and {@code deleteAllById}) read in BatchGetItem calls on the starter's base class.
 * Calls are counted by an {@link ExecutionInterceptor} bean on the real client of the embedded engine.
 */
class BatchedRepositoryReadsTest {

    /** Counts the requests sent, by operation. */
    static final class CountCalls implements ExecutionInterceptor {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String operation = context.request().getClass().getSimpleName().replace("Request", "");
            calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        }

        int count(String operation) {
            AtomicInteger n = calls.get(operation);
            return n == null ? 0 : n.get();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Customer.class)
    static class Counted {
        @Bean
        CountCalls countCalls() {
            return new CountCalls();
        }
    }

    private static void run(Consumer<ApplicationContext> test) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JynamoAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withUserConfiguration(Counted.class)
                .withPropertyValues("jynamo.table-prefix=spring-batched-")
                .run(context -> {
                    context.getBean(EntityManagerFactory.class).getSchemaManager().truncate();
                    context.getBean(EntityManagerFactory.class).getCache().evictAll();
                    context.getBean(CountCalls.class).calls.clear();
                    test.accept(context);
                });
    }

    private static List<Reading> readings(int n, String status) {
        return IntStream.range(0, n).mapToObj(seq -> new Reading("s1", seq, seq, status)).toList();
    }

    @Test
    void theRepositoriesAreOfTheStartersBaseClass() {
        run(context -> assertThat(org.springframework.aop.support.AopUtils.getTargetClass(context.getBean(ReadingRepository.class)))
                .isEqualTo(JynamoJpaRepository.class));
    }

    @Test
    void saveAllOfAHundredEntitiesWithAssignedKeysReadsThemInOneBatchGet() {
        run(context -> {
            ReadingRepository repository = context.getBean(ReadingRepository.class);
            CountCalls counted = context.getBean(CountCalls.class);
            List<Reading> saved = repository.saveAll(readings(100, "new"));
            assertThat(saved).extracting(Reading::getSeq).containsExactlyElementsOf(seqs(100));
            assertThat(counted.count("BatchGetItem")).isEqualTo(1);
            assertThat(counted.count("GetItem")).isZero();
            assertThat(counted.count("BatchWriteItem")).isEqualTo(4);

            counted.calls.clear();
            repository.saveAll(readings(100, "changed")); // detached instances of stored keys: merged onto them
            assertThat(counted.count("BatchGetItem")).isEqualTo(1);
            assertThat(counted.count("GetItem")).isZero();
            assertThat(repository.findBySensorAndStatus("s1", "changed")).hasSize(100);
        });
    }

    @Test
    void saveAllPersistsNewEntitiesAndMergesTheOthersInTheOrderGiven() {
        run(context -> {
            CustomerRepository repository = context.getBean(CustomerRepository.class);
            Customer stored = repository.save(new Customer("c2", "Bob", "bob@x", "London", 20));
            stored.setName("Bob B.");
            Customer first = new Customer("c1", "Ada", "ada@x", "London", 36);
            List<Customer> saved = repository.saveAll(List.of(first, stored, new Customer("c3", "Cy", "cy@x", "Paris", 50)));
            assertThat(saved).extracting(Customer::getId).containsExactly("c1", "c2", "c3");
            assertThat(saved.get(0)).isSameAs(first); // new (no version yet): persisted, as save does
            assertThat(saved.get(1)).isNotSameAs(stored); // merged: the managed copy
            assertThat(saved.get(1).getVersion()).isEqualTo(1L);
            assertThat(repository.findById("c2")).get().extracting(Customer::getName).isEqualTo("Bob B.");
            assertThat(repository.count()).isEqualTo(3);
        });
    }

    @Test
    void deleteAllByIdAndDeleteAllFindTheirEntitiesInOneBatchGet() {
        run(context -> {
            ReadingRepository repository = context.getBean(ReadingRepository.class);
            CountCalls counted = context.getBean(CountCalls.class);
            List<Reading> saved = repository.saveAll(readings(100, "ok"));

            counted.calls.clear();
            repository.deleteAllById(saved.subList(0, 50).stream().map(r -> new Reading.Key("s1", r.getSeq())).toList());
            assertThat(counted.count("BatchGetItem")).isEqualTo(1);
            assertThat(counted.count("GetItem")).isZero();
            assertThat(repository.countBySensor("s1")).isEqualTo(50);

            counted.calls.clear();
            repository.deleteAll(saved.subList(50, 100)); // detached instances
            assertThat(counted.count("BatchGetItem")).isEqualTo(1);
            assertThat(counted.count("GetItem")).isZero();
            assertThat(repository.countBySensor("s1")).isZero();
        });
    }

    @Test
    void findAllByIdOfCompositeIdsIsOneBatchGetInTheOrderAsked() {
        run(context -> {
            ReadingRepository repository = context.getBean(ReadingRepository.class);
            CountCalls counted = context.getBean(CountCalls.class);
            repository.saveAll(readings(100, "ok"));
            context.getBean(EntityManagerFactory.class).getCache().evictAll();
            List<Reading.Key> asked = new java.util.ArrayList<>(IntStream.range(0, 99)
                    .mapToObj(seq -> new Reading.Key("s1", seq)).toList());
            java.util.Collections.reverse(asked);
            asked.add(50, new Reading.Key("s9", 1)); // not stored: skipped; 100 keys in all
            counted.calls.clear();
            List<Reading> found = repository.findAllById(asked);
            assertThat(found).extracting(Reading::getSeq).containsExactlyElementsOf(IntStream.range(0, 99).mapToObj(i -> 98L - i).toList());
            assertThat(counted.count("BatchGetItem")).isEqualTo(1);
            assertThat(counted.count("GetItem")).isZero();
        });
    }

    @Test
    void deletingIdsThatAreNotStoredIsStillANoOp() {
        run(context -> {
            ReadingRepository repository = context.getBean(ReadingRepository.class);
            repository.saveAll(readings(2, "ok"));
            repository.deleteAllById(List.of(new Reading.Key("s1", 1), new Reading.Key("s1", 7), new Reading.Key("s9", 0)));
            assertThat(repository.findAll()).extracting(Reading::getSeq).containsExactly(0L);
        });
    }

    private static List<Long> seqs(int n) {
        return java.util.stream.LongStream.range(0, n).boxed().toList();
    }
}
