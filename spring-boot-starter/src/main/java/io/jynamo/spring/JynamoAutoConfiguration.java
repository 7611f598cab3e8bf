package io.jynamo.spring;

import io.jynamo.JynamoPersistenceProvider;
import io.jynamo.JynamoProperties;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.JpaRepositoryConfigExtension;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.JpaVendorAdapter;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;
import org.springframework.transaction.TransactionManager;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Spring Boot auto-configuration of Jynamo, active when Jynamo is on the class path: an
 * {@code entityManagerFactory} built by {@link JynamoPersistenceProvider} (no {@code DataSource}, no Hibernate),
 * a {@code transactionManager} ({@link JpaTransactionManager}), and Spring Data JPA repositories in the
 * application's packages. Entities are the {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} and
 * {@code @Converter} classes of the {@code @EntityScan} packages, else of the {@code @SpringBootApplication}'s
 * package and below. The unit's properties come from {@link JynamoSpringProperties} ({@code jynamo.*}).
 *
 * <p>With no {@code jynamo.endpoint} and {@code jynamo-local} on the class path, the unit uses the embedded
 * engine ({@code jynamo.endpoint=embedded}) and, unless {@code jynamo.schema-action} says otherwise, creates the
 * tables it lacks. A {@link DynamoDbClient} bean of the application, if there is exactly one, is the client the unit
 * uses ({@code jynamo.client}; Jynamo never closes it); otherwise the {@link ExecutionInterceptor} beans are added
 * to the client Jynamo makes ({@code jynamo.interceptors}), e.g. to count or time calls. Each bean backs off when
 * the application defines its own.
 */
@AutoConfiguration(
        beforeName = {
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({JynamoPersistenceProvider.class, LocalContainerEntityManagerFactoryBean.class})
@EnableConfigurationProperties(JynamoSpringProperties.class)
public class JynamoAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(JynamoAutoConfiguration.class);

    /** What makes {@code jynamo.endpoint=embedded} work: jynamo-local's implementation of the provider's SPI. */
    private static final String EMBEDDED_ENGINE_SERVICE = "META-INF/services/io.jynamo.spi.EmbeddedEngine";

    /** Made by Spring. */
    public JynamoAutoConfiguration() {
    }

    /** The vendor adapter that names Jynamo's provider, dialect and entity manager interface. */
    @Bean
    @ConditionalOnMissingBean
    public JpaVendorAdapter jpaVendorAdapter() {
        return new JynamoJpaVendorAdapter();
    }

    /** The managed classes of the unit: those of the {@code @EntityScan} packages, else of the application's. */
    @Bean
    @ConditionalOnMissingBean
    public PersistenceManagedTypes persistenceManagedTypes(BeanFactory beanFactory, ResourceLoader resourceLoader) {
        List<String> packages = EntityScanPackages.get(beanFactory).getPackageNames();
        if (packages.isEmpty() && AutoConfigurationPackages.has(beanFactory)) {
            packages = AutoConfigurationPackages.get(beanFactory);
        }
        return new PersistenceManagedTypesScanner(resourceLoader).scan(packages.toArray(String[]::new));
    }

    /** The entity manager factory, built by Jynamo from the managed types and the {@code jynamo.*} properties. */
    @Bean
    @ConditionalOnMissingBean({LocalContainerEntityManagerFactoryBean.class, EntityManagerFactory.class})
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(JynamoSpringProperties properties,
            PersistenceManagedTypes managedTypes, JpaVendorAdapter vendorAdapter, ResourceLoader resourceLoader,
            ObjectProvider<DynamoDbClient> client, ObjectProvider<ExecutionInterceptor> interceptors) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setPersistenceUnitName(properties.getPersistenceUnitName());
        factory.setManagedTypes(managedTypes);
        factory.setJpaVendorAdapter(vendorAdapter);
        Map<String, Object> unit = unitProperties(properties, client.getIfUnique(), resourceLoader.getClassLoader());
        List<ExecutionInterceptor> found = interceptors.orderedStream().toList();
        if (!found.isEmpty() && !unit.containsKey(JynamoProperties.CLIENT)) {
            unit.put(JynamoProperties.INTERCEPTORS, found);
        }
        factory.setJpaPropertyMap(unit);
        return factory;
    }

    static Map<String, Object> unitProperties(JynamoSpringProperties properties, DynamoDbClient client,
            ClassLoader classLoader) {
        Map<String, Object> unit = properties.toUnitProperties();
        if (client != null) {
            // the application's own client (its credentials, endpoint, HTTP settings); Jynamo never closes it
            unit.put(JynamoProperties.CLIENT, client);
            return unit;
        }
        if (!unit.containsKey(JynamoProperties.ENDPOINT) && embeddedEngineAvailable(classLoader)) {
            // as Boot does for embedded databases: no address given and a local engine at hand means use it
            unit.put(JynamoProperties.ENDPOINT, "embedded");
            unit.putIfAbsent(JynamoProperties.SCHEMA_ACTION, "create");
            LOG.info("jynamo.endpoint is not set and jynamo-local is on the class path: using the embedded engine"
                    + " (schema action " + unit.get(JynamoProperties.SCHEMA_ACTION) + "). Set jynamo.endpoint to use"
                    + " another DynamoDB");
        }
        return unit;
    }

    private static boolean embeddedEngineAvailable(ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : ClassUtils.getDefaultClassLoader();
        return loader != null && loader.getResource(EMBEDDED_ENGINE_SERVICE) != null;
    }

    /** The transaction manager of the factory, customised by Boot's {@code spring.transaction.*}. */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager transactionManager = new JpaTransactionManager(entityManagerFactory);
        customizers.ifAvailable(c -> c.customize(transactionManager));
        return transactionManager;
    }

    /**
     * Spring Data JPA repositories in the application's packages, as Boot's own
     * {@code DataJpaRepositoriesAutoConfiguration} registers them; that one needs a {@code DataSource} and brings
     * Hibernate, so Jynamo registers them itself. {@code spring.data.jpa.repositories.enabled=false} or an
     * {@code @EnableJpaRepositories} of the application turns this off.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JpaRepository.class)
    @ConditionalOnMissingBean({JpaRepositoryFactoryBean.class, JpaRepositoryConfigExtension.class})
    @ConditionalOnBooleanProperty(name = "spring.data.jpa.repositories.enabled", matchIfMissing = true)
    @Import(JynamoRepositoriesRegistrar.class)
    public static class RepositoriesConfiguration {

        /** Made by Spring. */
        public RepositoriesConfiguration() {
        }
    }
}
