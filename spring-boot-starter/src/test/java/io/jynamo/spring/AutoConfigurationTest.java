package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.JynamoEntityManager;
import io.jynamo.spring.sample.Customer;
import io.jynamo.spring.sample.CustomerRepository;
import io.jynamo.spring.sample.ReadingRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/** What the auto-configuration creates, how {@code jynamo.*} keys reach the unit, and how failures are reported. */
class AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JynamoAutoConfiguration.class, TransactionAutoConfiguration.class))
            .withUserConfiguration(SampleConfiguration.class);

    /** The packages of the sample application, as {@code @SpringBootApplication} would register them. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Customer.class)
    static class SampleConfiguration {
    }

    @Test
    void withJynamoLocalAndNoEndpointTheUnitRunsOnTheEmbeddedEngineAndCreatesItsTables() {
        runner.withPropertyValues("jynamo.table-prefix=auto-embedded-").run(context -> {
            assertThat(context).hasNotFailed();
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
            assertThat(emf.getProperties()).containsEntry("jynamo.endpoint", "embedded")
                    .containsEntry("jakarta.persistence.schema-generation.database.action", "create")
                    .containsEntry("jynamo.table-prefix", "auto-embedded-");
            CustomerRepository customers = context.getBean(CustomerRepository.class);
            customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
            assertThat(customers.findByEmail("ada@x")).isPresent();
        });
    }

    @Test
    void noDataSourceAndNoHibernate() {
        runner.withPropertyValues("jynamo.table-prefix=auto-plain-").run(context -> {
            assertThat(context).hasSingleBean(EntityManagerFactory.class)
                    .hasSingleBean(PlatformTransactionManager.class)
                    .hasSingleBean(TransactionTemplate.class)
                    .doesNotHaveBean("dataSource");
            assertThat(ClassUtils.isPresent("javax.sql.DataSource", null)).isTrue();
            assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
            assertThat(ClassUtils.isPresent("org.hibernate.Session", null)).isFalse();
        });
    }

    @Test
    void jynamoKeysBecomeTheUnitsProperties() {
        runner.withPropertyValues("jynamo.table-prefix=auto-keys-", "jynamo.region=eu-west-1",
                "jynamo.write-mode=atomic", "jynamo.update-mode=patch", "jynamo.scan=deny",
                "jynamo.consistent-read=false", "jynamo.dirty-checking=snapshot", "jynamo.schema-action=drop-and-create",
                "jynamo.retry.max-attempts=3", "jynamo.retry.base-millis=5", "jynamo.retry.max-millis=1000",
                "jynamo.cache.mode=none", "jynamo.cache.max-items=10", "jynamo.cache.ttl-seconds=60",
                "jynamo.properties[jakarta.persistence.cache.retrieveMode]=BYPASS").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EntityManagerFactory.class).getProperties())
                            .containsEntry("jynamo.table-prefix", "auto-keys-")
                            .containsEntry("jynamo.region", "eu-west-1")
                            .containsEntry("jynamo.write-mode", "atomic")
                            .containsEntry("jynamo.update-mode", "patch")
                            .containsEntry("jynamo.scan", "deny")
                            .containsEntry("jynamo.consistent-read", "false")
                            .containsEntry("jynamo.dirty-checking", "snapshot")
                            .containsEntry("jakarta.persistence.schema-generation.database.action", "drop-and-create")
                            .containsEntry("jynamo.retry.max-attempts", "3")
                            .containsEntry("jynamo.retry.base-millis", "5")
                            .containsEntry("jynamo.retry.max-millis", "1000")
                            .containsEntry("jakarta.persistence.sharedCache.mode", "NONE")
                            .containsEntry("jynamo.cache.max-items", "10")
                            .containsEntry("jynamo.cache.ttl-seconds", "60")
                            .containsEntry("jakarta.persistence.cache.retrieveMode", "BYPASS");
                });
    }

    @Test
    void theScanPolicyAppliesToRepositoriesAndItsRefusalIsADataAccessException() {
        runner.withPropertyValues("jynamo.table-prefix=auto-deny-", "jynamo.scan=deny").run(context -> {
            CustomerRepository customers = context.getBean(CustomerRepository.class);
            customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
            assertThat(customers.findByEmail("ada@x")).isPresent();
            // findByName scans with the query hint jynamo.scan=allow; findByStatus has none
            assertThat(customers.findByName("Ada")).hasSize(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(ReadingRepository.class).findByStatus("ok"))
                    .isInstanceOf(JpaSystemException.class)
                    .hasMessageContaining("would Scan the whole table auto-deny-reading and jynamo.scan=deny forbids that");
        });
    }

    @Test
    void aValueJynamoRefusesFailsTheStartWithJynamosMessage() {
        runner.withPropertyValues("jynamo.table-prefix=auto-bad-", "jynamo.retry.max-attempts=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause().hasMessageContaining("Invalid value '0' for property jynamo.retry.max-attempts");
        });
    }

    @Test
    void aMissingTableIsAnInvalidResourceUsage() {
        runner.withPropertyValues("jynamo.table-prefix=auto-missing-", "jynamo.schema-action=none").run(context -> {
            CustomerRepository customers = context.getBean(CustomerRepository.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> customers.findById("c1"))
                    .isInstanceOf(InvalidDataAccessResourceUsageException.class)
                    .hasMessageContaining("DynamoDB has no table (or index)");
        });
    }

    @Test
    void anUnreachableEndpointIsAResourceFailure() {
        // port 1 on the loopback address: nothing listens there, the connection is refused at once
        runner.withPropertyValues("jynamo.table-prefix=auto-down-", "jynamo.endpoint=http://127.0.0.1:1").run(context -> {
            assertThat(context.getBean(EntityManagerFactory.class).getProperties())
                    .containsEntry("jynamo.endpoint", "http://127.0.0.1:1")
                    .doesNotContainKey("jakarta.persistence.schema-generation.database.action");
            CustomerRepository customers = context.getBean(CustomerRepository.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> customers.findById("c1"))
                    .isInstanceOf(DataAccessResourceFailureException.class)
                    .hasMessageContaining("127.0.0.1:1");
        });
    }

    /** An application with its own client, counting its calls. */
    @Configuration(proxyBeanMethods = false)
    static class OwnClientConfiguration {
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @org.springframework.context.annotation.Bean
        software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDbClient() {
            return io.jynamo.local.LocalDynamo.shared().newClient("us-east-1",
                    software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                            .addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                                @Override
                                public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution c,
                                        software.amazon.awssdk.core.interceptor.ExecutionAttributes a) {
                                    calls.incrementAndGet();
                                }
                            }).build());
        }
    }

    @Test
    void aDynamoDbClientBeanIsTheClientOfTheUnitAndIsLeftOpen() {
        runner.withUserConfiguration(OwnClientConfiguration.class)
                .withPropertyValues("jynamo.table-prefix=auto-client-", "jynamo.schema-action=create").run(context -> {
                    var client = context.getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class);
                    assertThat(context.getBean(EntityManagerFactory.class).getProperties())
                            .containsEntry("jynamo.client", client).doesNotContainKey("jynamo.endpoint");
                    int before = context.getBean(OwnClientConfiguration.class).calls.get();
                    context.getBean(CustomerRepository.class).findById("c1");
                    assertThat(context.getBean(OwnClientConfiguration.class).calls.get()).isEqualTo(before + 1);
                    context.close();
                    // the factory is closed with the context; the application's client is not
                    assertThat(client.listTables().tableNames()).contains("auto-client-customer");
                });
    }

    @Test
    void repositoriesCanBeTurnedOff() {
        runner.withPropertyValues("jynamo.table-prefix=auto-off-", "spring.data.jpa.repositories.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CustomerRepository.class)
                        .hasSingleBean(EntityManagerFactory.class));
    }

    @Test
    void anInjectedEntityManagerIsAJynamoEntityManager() {
        runner.withPropertyValues("jynamo.table-prefix=auto-em-").run(context -> {
            EntityManager shared = org.springframework.orm.jpa.SharedEntityManagerCreator
                    .createSharedEntityManager(context.getBean(EntityManagerFactory.class));
            assertThat(shared).isInstanceOf(JynamoEntityManager.class);
            assertThat(((JynamoEntityManager) shared).explain("select c from Customer c where c.email = 'a'"))
                    .contains("byEmail");
        });
    }

    /** An application whose own package holds no entity, and whose entities are named by {@code @EntityScan}. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackages = "io.jynamo.spring.noentities")
    @EntityScan(basePackageClasses = Customer.class)
    static class EntityScanConfiguration {
    }

    @Test
    void entityScanNamesThePackagesOfTheEntities() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JynamoAutoConfiguration.class))
                .withUserConfiguration(EntityScanConfiguration.class)
                .withPropertyValues("jynamo.table-prefix=auto-scan-", "spring.data.jpa.repositories.enabled=false")
                .run(context -> assertThat(context.getBean(EntityManagerFactory.class).getMetamodel().getEntities())
                        .extracting(jakarta.persistence.metamodel.EntityType::getName)
                        .containsExactlyInAnyOrder("Customer", "Reading"));
    }

    @Test
    void configurationMetadataDescribesTheKeysForIdes() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"jynamo.endpoint\"", "\"jynamo.region\"", "\"jynamo.table-prefix\"",
                    "\"jynamo.write-mode\"", "\"jynamo.scan\"", "\"jynamo.schema-action\"", "\"jynamo.retry.max-attempts\"");
        }
    }
}
