package io.jynamo.spring;

import java.lang.annotation.Annotation;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.config.JpaRepositoryConfigExtension;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the Spring Data JPA repositories of the auto-configuration packages, as if the application had
 * {@code @EnableJpaRepositories} (whose defaults name the {@code entityManagerFactory} and
 * {@code transactionManager} beans of {@link JynamoAutoConfiguration}), on the base class
 * {@link JynamoJpaRepository}.
 */
final class JynamoRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableJpaRepositories.class;
    }

    @Override
    protected Class<?> getConfiguration() {
        return EnableJpaRepositoriesConfiguration.class;
    }

    @Override
    protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
        return new JpaRepositoryConfigExtension();
    }

    @EnableJpaRepositories(repositoryBaseClass = JynamoJpaRepository.class)
    private static final class EnableJpaRepositoriesConfiguration {
    }
}
