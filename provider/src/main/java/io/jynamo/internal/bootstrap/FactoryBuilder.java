package io.jynamo.internal.bootstrap;

import io.jynamo.JynamoProperties;
import io.jynamo.internal.cache.CacheModes;
import io.jynamo.internal.dynamo.Clients;
import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.internal.metadata.Metadata;
import io.jynamo.internal.metadata.MetadataBuilder;
import io.jynamo.internal.proxy.Instances;
import jakarta.persistence.PersistenceException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Makes every Jynamo factory from a {@link UnitDescriptor}, however the unit was described. */
public final class FactoryBuilder {

    private static final System.Logger LOG = System.getLogger(FactoryBuilder.class.getName());

    private static final Set<String> KNOWN = Set.of(JynamoProperties.ENDPOINT, JynamoProperties.REGION,
            JynamoProperties.CLIENT, JynamoProperties.INTERCEPTORS, JynamoProperties.TABLE_PREFIX, JynamoProperties.WRITE_MODE,
            JynamoProperties.UPDATE_MODE, JynamoProperties.SCAN, JynamoProperties.SCHEMA_ACTION,
            JynamoProperties.SHARED_CACHE_MODE, JynamoProperties.CACHE_MAX_ITEMS, JynamoProperties.CACHE_TTL_SECONDS,
            CacheModes.RETRIEVE_MODE, CacheModes.STORE_MODE, JynamoProperties.PROVIDER, EntityManagerFactoryImpl.CONSISTENT_READ,
            EntityManagerFactoryImpl.RETRY_ATTEMPTS, EntityManagerFactoryImpl.RETRY_BASE_MILLIS);

    private FactoryBuilder() {
    }

    /** Merges the unit's properties with the caller's (the caller's win). */
    public static Map<String, Object> merge(Map<String, Object> unit, Map<?, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(unit);
        if (overrides != null) {
            overrides.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        return merged;
    }

    /** Builds the factory of a unit. */
    public static EntityManagerFactoryImpl build(UnitDescriptor unit) {
        Map<String, Object> properties = unit.properties();
        for (String key : properties.keySet()) {
            if (!KNOWN.contains(key)) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Persistence unit '" + unit.name() + "': ignoring property "
                        + key + ", which Jynamo does not use");
            }
        }
        ClassLoader loader = unit.classLoader() != null ? unit.classLoader() : Thread.currentThread().getContextClassLoader();
        Set<Class<?>> classes = new LinkedHashSet<>(unit.classes());
        for (String name : unit.classNames()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PersistenceException("Persistence unit '" + unit.name() + "' lists class " + name
                        + ", which cannot be loaded: " + e, e);
            }
        }
        if (!unit.excludeUnlisted() && unit.rootUrl() != null && classes.isEmpty()) {
            classes.addAll(ClassScanner.scan(unit.rootUrl(), loader));
        }
        if (classes.isEmpty()) {
            throw new PersistenceException("Persistence unit '" + unit.name() + "' has no entity classes; list them"
                    + " with <class> in persistence.xml or managedClass(...) in PersistenceConfiguration");
        }
        Object prefix = properties.get(JynamoProperties.TABLE_PREFIX);
        Metadata metadata = new MetadataBuilder(prefix == null ? "" : prefix.toString()).build(new ArrayList<>(classes));
        Clients.Client client = Clients.create(properties, loader);
        return new EntityManagerFactoryImpl(unit.name(), properties, metadata, client, instances());
    }

    private static Instances instances() {
        return Instances.proxies();
    }
}
