package io.jynamo.internal.metadata;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entities of one persistence unit, by class and by JPQL name. */
public final class Metadata {

    private final Map<Class<?>, EntityMeta> byClass = new LinkedHashMap<>();
    private final Map<String, EntityMeta> byName = new LinkedHashMap<>();

    private final MappingSource mappings;
    private final List<EntityMeta> links;

    Metadata(List<EntityMeta> entities) {
        this(entities, List.of(), MappingSource.NONE);
    }

    Metadata(List<EntityMeta> entities, List<EntityMeta> links, MappingSource mappings) {
        this.mappings = mappings;
        this.links = List.copyOf(links);
        for (EntityMeta e : entities) {
            byClass.put(e.javaClass(), e);
            EntityMeta previous = byName.put(e.name(), e);
            if (previous != null) {
                throw new jakarta.persistence.PersistenceException("Entities " + previous.javaClass().getName() + " and "
                        + e.javaClass().getName() + " share the entity name '" + e.name() + "'; rename one with @Entity(name)");
            }
        }
    }

    /** What the unit's orm.xml files declare over the annotations; read it through {@link Annotations#using}. */
    public MappingSource mappings() {
        return mappings;
    }

    /** The entity of exactly this class, or {@code null}. */
    public EntityMeta exact(Class<?> type) {
        return byClass.get(type);
    }

    /**
     * The entity of a class or of its nearest entity superclass (Jynamo's proxies subclass entities),
     * or {@code null}.
     */
    public EntityMeta find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            EntityMeta e = byClass.get(c);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The entity of that JPQL name, or {@code null}. */
    public EntityMeta byName(String name) {
        return byName.get(name);
    }

    public Collection<EntityMeta> entities() {
        return byClass.values();
    }

    /**
     * One entity per table: the roots of SINGLE_TABLE hierarchies (whose tables their subclasses share), every
     * concrete entity of a TABLE_PER_CLASS hierarchy, and the rest; then the link tables of relationships (whose
     * items are {@link LinkItem}s), for schema generation.
     */
    public List<EntityMeta> tables() {
        List<EntityMeta> tables = new java.util.ArrayList<>(byClass.values().stream().filter(EntityMeta::ownsTable).toList());
        tables.addAll(links);
        return tables;
    }
}
