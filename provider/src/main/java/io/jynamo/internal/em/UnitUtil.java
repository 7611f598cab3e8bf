package io.jynamo.internal.em;

import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.Attribute;

/** {@link PersistenceUnitUtil} of a Jynamo factory: answers for proxies as for plain instances. */
final class UnitUtil implements PersistenceUnitUtil {

    private final EntityManagerFactoryImpl factory;

    UnitUtil(EntityManagerFactoryImpl factory) {
        this.factory = factory;
    }

    private EntityMeta meta(Object entity) {
        EntityMeta meta = entity == null ? null : factory.entityOf(entity.getClass());
        if (meta == null) {
            throw new IllegalArgumentException((entity == null ? "null" : entity.getClass().getName())
                    + " is not an entity of persistence unit '" + factory.getName() + "'");
        }
        return meta;
    }

    @Override
    public boolean isLoaded(Object entity, String attributeName) {
        EntityMeta meta = meta(entity);
        if (meta.association(attributeName) != null) {
            return factory.instances().isLoaded(entity) && io.jynamo.internal.proxy.Instances.loadState(entity, attributeName)
                    != jakarta.persistence.spi.LoadState.NOT_LOADED;
        }
        if (meta.attribute(attributeName) == null && (meta.embeddedId() == null || !meta.embeddedId().name().equals(attributeName))) {
            throw new IllegalArgumentException("Entity " + meta.name() + " has no attribute '" + attributeName + "'");
        }
        return factory.instances().isLoaded(entity) || isKey(meta, attributeName);
    }

    private static boolean isKey(EntityMeta meta, String attributeName) {
        AttributeMeta a = meta.attribute(attributeName);
        return a != null && a.isKey() || meta.embeddedId() != null && meta.embeddedId().name().equals(attributeName);
    }

    @Override
    public <E> boolean isLoaded(E entity, Attribute<? super E, ?> attribute) {
        return isLoaded(entity, attribute.getName());
    }

    @Override
    public boolean isLoaded(Object entity) {
        meta(entity);
        return factory.instances().isLoaded(entity);
    }

    @Override
    public void load(Object entity, String attributeName) {
        isLoaded(entity, attributeName);
        factory.instances().load(entity);
        io.jynamo.internal.metadata.AssociationMeta a = meta(entity).association(attributeName);
        if (a != null) {
            Object value = a.accessor().get(entity);
            if (value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
                io.jynamo.internal.context.RelationCollection.elements(value).size(); // loads on first use
            } else if (value != null) {
                factory.instances().load(value);
            }
        }
    }

    @Override
    public <E> void load(E entity, Attribute<? super E, ?> attribute) {
        load(entity, attribute.getName());
    }

    @Override
    public void load(Object entity) {
        meta(entity);
        factory.instances().load(entity);
    }

    @Override
    public boolean isInstance(Object entity, Class<?> entityClass) {
        return entityClass.isInstance(entity);
    }

    @Override
    public <T> Class<? extends T> getClass(T entity) {
        @SuppressWarnings("unchecked")
        Class<? extends T> type = (Class<? extends T>) meta(entity).javaClass();
        return type;
    }

    @Override
    public Object getIdentifier(Object entity) {
        return meta(entity).idOf(entity);
    }

    @Override
    public Object getVersion(Object entity) {
        EntityMeta meta = meta(entity);
        if (meta.version() == null) {
            throw new IllegalArgumentException("Entity " + meta.name() + " has no @Version attribute");
        }
        return meta.version().accessor().get(entity);
    }
}
