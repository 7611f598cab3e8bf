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
 * @param rootUrl           the unit's root (for scanning), or {@code null}
 */
public record UnitDescriptor(String name, String provider, List<String> classNames, List<Class<?>> classes,
                             boolean excludeUnlisted, Map<String, Object> properties, ClassLoader classLoader,
                             java.net.URL rootUrl) {
}
