package io.jynamo.internal.bootstrap;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.internal.config.UnitConfig;
import io.jynamo.internal.dynamo.Clients;
import io.jynamo.internal.em.EntityManagerFactoryImpl;
import io.jynamo.internal.metadata.MappingSource;
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

    /** Every key Jynamo reads: the constants of JynamoProperties, so a key added there is known here. */
    private static final Set<String> KNOWN = known();

    private static Set<String> known() {
        Set<String> keys = new java.util.HashSet<>();
        for (java.lang.reflect.Field f : JynamoProperties.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    keys.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(keys);
    }

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
            if (KNOWN.contains(key)) {
                continue;
            }
            if (key.startsWith("jynamo.")) {
                // Likely a misspelt setting: said louder than a foreign key, which is normal in a shared persistence.xml.
                LOG.log(System.Logger.Level.WARNING, () -> "Persistence unit '" + unit.name() + "': ignoring property "
                        + key + ": Jynamo has no such setting (see io.jynamo.JynamoProperties for the keys it reads)");
            } else {
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
        // The classes the unit's orm.xml files declare are managed classes of it too (JPA 3.2 section 8.2.1.6).
        MappingSource mappings = MappingSource.read(MappingFiles.of(unit, loader), loader);
        classes.addAll(mappings.classes());
        if (classes.isEmpty()) {
            // A unit without entities is legal (transactions, the metamodel, a shared factory); it is almost always
            // a mistake, though, so it is said loudly instead of surfacing later as "not an entity".
            LOG.log(System.Logger.Level.WARNING, () -> "Persistence unit '" + unit.name() + "' has no entity classes;"
                    + " list them with <class> in persistence.xml or managedClass(...) in PersistenceConfiguration, or"
                    + " map them in orm.xml");
        }
        // Every setting is read here, once, before the client is made: a refused value starts no client or engine.
        UnitConfig config = UnitConfig.parse(unit.name(), properties);
        Metadata metadata = new MetadataBuilder(config.tablePrefix()).build(new ArrayList<>(classes), mappings);
        Clients.Client client = Clients.create(config, loader);
        try {
            return new EntityManagerFactoryImpl(config, metadata, client, instances());
        } catch (RuntimeException e) {
            // A failed bootstrap must not leave the client (or the embedded engine) Jynamo started running.
            if (client.owned()) {
                try {
                    client.client().close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            // The schema action's first call is often the first to find the endpoint unreachable.
            JynamoException unreachable = Clients.connectionFailure(e, client.client());
            throw unreachable != null ? unreachable : e;
        }
    }

    private static Instances instances() {
        return Instances.proxies();
    }
}
