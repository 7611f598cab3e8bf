package io.jynamo.internal.bootstrap;

import java.util.List;
import java.util.Map;

/**
 * One persistence unit, whichever way it was described: {@code persistence.xml}, a container's
 * {@code PersistenceUnitInfo} or a {@code PersistenceConfiguration}. One builder makes every factory
 * from it.
 *
 * @param name              the unit name
 * @param provider          the provider class named by the unit, or {@code null}
 * @param classNames        the managed classes named by the unit
 * @param classes           managed classes given as classes (programmatic bootstrap)
 * @param excludeUnlisted   whether only listed classes are managed
 * @param properties        the unit's properties merged with the caller's (the caller's win)
 * @param classLoader       where to load classes from
 * @param rootUrl           the unit's root (for scanning and its {@code META-INF/orm.xml}), or {@code null}
 * @param mappingFiles      the unit's {@code <mapping-file>}s: resources of the class loader
 */
public record UnitDescriptor(String name, String provider, List<String> classNames, List<Class<?>> classes,
                             boolean excludeUnlisted, Map<String, Object> properties, ClassLoader classLoader,
                             java.net.URL rootUrl, List<String> mappingFiles) {

    /** A unit without mapping files. */
    public UnitDescriptor(String name, String provider, List<String> classNames, List<Class<?>> classes,
                          boolean excludeUnlisted, Map<String, Object> properties, ClassLoader classLoader,
                          java.net.URL rootUrl) {
        this(name, provider, classNames, classes, excludeUnlisted, properties, classLoader, rootUrl, List.of());
    }

    public UnitDescriptor {
        mappingFiles = mappingFiles == null ? List.of() : List.copyOf(mappingFiles);
    }
}
