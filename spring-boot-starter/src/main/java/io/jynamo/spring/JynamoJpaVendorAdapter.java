package io.jynamo.spring;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoPersistenceProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.spi.PersistenceProvider;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.vendor.AbstractJpaVendorAdapter;

/**
 * Tells Spring's JPA support that the provider is Jynamo: its {@link PersistenceProvider}, the
 * {@link JynamoJpaDialect} that translates its exceptions, and {@link JynamoEntityManager} as the interface of
 * shared entity managers (so an injected {@code EntityManager} can be cast to it for {@code findAll(ids)},
 * {@code count} and {@code explain}).
 */
public class JynamoJpaVendorAdapter extends AbstractJpaVendorAdapter {

    private final JynamoPersistenceProvider provider = new JynamoPersistenceProvider();
    private final JynamoJpaDialect dialect = new JynamoJpaDialect();

    /** An adapter for Jynamo. */
    public JynamoJpaVendorAdapter() {
    }

    @Override
    public PersistenceProvider getPersistenceProvider() {
        return provider;
    }

    @Override
    public String getPersistenceProviderRootPackage() {
        return "io.jynamo";
    }

    @Override
    public JpaDialect getJpaDialect() {
        return dialect;
    }

    @Override
    public Class<? extends EntityManager> getEntityManagerInterface() {
        return JynamoEntityManager.class;
    }
}
