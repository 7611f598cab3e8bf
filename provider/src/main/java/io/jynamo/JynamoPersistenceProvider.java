package io.jynamo;

import io.jynamo.internal.bootstrap.FactoryBuilder;
import io.jynamo.internal.bootstrap.PersistenceXml;
import io.jynamo.internal.bootstrap.UnitDescriptor;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.spi.LoadState;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.ProviderUtil;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jakarta Persistence provider of Jynamo, found through
 * {@code META-INF/services/jakarta.persistence.spi.PersistenceProvider}.
 *
 * <pre>{@code
 * EntityManagerFactory emf = Persistence.createEntityManagerFactory("users",
 *         Map.of("jynamo.endpoint", "embedded"));
 * }</pre>
 *
 * A unit is Jynamo's when its {@code <provider>} names this class, or when it names no provider and
 * {@code jakarta.persistence.provider} does not name another one.
 */
public class JynamoPersistenceProvider implements PersistenceProvider {

    private static final String NAME = JynamoPersistenceProvider.class.getName();

    /** Made by {@link java.util.ServiceLoader}. */
    public JynamoPersistenceProvider() {
    }

    private static boolean ours(String unitProvider, Map<?, ?> properties) {
        Object requested = properties == null ? null : properties.get(JynamoProperties.PROVIDER);
        if (requested != null && !requested.toString().isBlank()) {
            return NAME.equals(requested.toString().trim());
        }
        return unitProvider == null || unitProvider.isBlank() || NAME.equals(unitProvider.trim());
    }

    private static ClassLoader loader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : JynamoPersistenceProvider.class.getClassLoader();
    }

    @Override
    public EntityManagerFactory createEntityManagerFactory(String emName, Map<?, ?> map) {
        UnitDescriptor unit = unit(emName, map);
        return unit == null ? null : FactoryBuilder.build(unit);
    }

    private static UnitDescriptor unit(String emName, Map<?, ?> map) {
        UnitDescriptor unit = PersistenceXml.find(emName, loader());
        if (unit == null || !ours(unit.provider(), map)) {
            return null;
        }
        return new UnitDescriptor(unit.name(), unit.provider(), unit.classNames(), unit.classes(), unit.excludeUnlisted(),
                FactoryBuilder.merge(unit.properties(), map), unit.classLoader(), unit.rootUrl(), unit.mappingFiles());
    }

    @Override
    public EntityManagerFactory createEntityManagerFactory(PersistenceConfiguration configuration) {
        if (!ours(configuration.provider(), configuration.properties())) {
            return null;
        }
        Map<String, Object> properties = new LinkedHashMap<>(configuration.properties());
        if (configuration.sharedCacheMode() != null) {
            properties.putIfAbsent(JynamoProperties.SHARED_CACHE_MODE, configuration.sharedCacheMode().name());
        }
        return FactoryBuilder.build(new UnitDescriptor(configuration.name(), configuration.provider(), List.of(),
                configuration.managedClasses(), true, properties, loader(), null, configuration.mappingFiles()));
    }

    @Override
    public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map<?, ?> map) {
        return FactoryBuilder.build(descriptor(info, map));
    }

    private static UnitDescriptor descriptor(PersistenceUnitInfo info, Map<?, ?> map) {
        Map<String, Object> unitProperties = new LinkedHashMap<>();
        if (info.getProperties() != null) {
            info.getProperties().forEach((k, v) -> unitProperties.put(String.valueOf(k), v));
        }
        if (info.getSharedCacheMode() != null) {
            unitProperties.putIfAbsent(JynamoProperties.SHARED_CACHE_MODE, info.getSharedCacheMode().name());
        }
        return new UnitDescriptor(info.getPersistenceUnitName(), info.getPersistenceProviderClassName(),
                info.getManagedClassNames() == null ? List.of() : info.getManagedClassNames(), List.of(),
                info.excludeUnlistedClasses(), FactoryBuilder.merge(unitProperties, map),
                info.getClassLoader() != null ? info.getClassLoader() : loader(), info.getPersistenceUnitRootUrl(),
                info.getMappingFileNames());
    }

    @Override
    public void generateSchema(PersistenceUnitInfo info, Map<?, ?> map) {
        FactoryBuilder.build(descriptor(info, map)).close();
    }

    @Override
    public boolean generateSchema(String persistenceUnitName, Map<?, ?> map) {
        UnitDescriptor unit = unit(persistenceUnitName, map);
        if (unit == null) {
            return false;
        }
        FactoryBuilder.build(unit).close();
        return true;
    }

    @Override
    public ProviderUtil getProviderUtil() {
        return new ProviderUtil() {
            @Override
            public LoadState isLoadedWithoutReference(Object entity, String attributeName) {
                return io.jynamo.internal.proxy.Instances.loadState(entity, attributeName);
            }

            @Override
            public LoadState isLoadedWithReference(Object entity, String attributeName) {
                return io.jynamo.internal.proxy.Instances.loadState(entity, attributeName);
            }

            @Override
            public LoadState isLoaded(Object entity) {
                return io.jynamo.internal.proxy.Instances.loadState(entity);
            }
        };
    }
}
