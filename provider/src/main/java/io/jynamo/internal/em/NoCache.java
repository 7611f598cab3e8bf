package io.jynamo.internal.em;

import jakarta.persistence.Cache;

/**
 * The second-level cache view of a factory. Jynamo does not keep a second-level cache yet, so
 * nothing is ever contained and evictions have nothing to do.
 */
final class NoCache implements Cache {

    private final EntityManagerFactoryImpl factory;

    NoCache(EntityManagerFactoryImpl factory) {
        this.factory = factory;
    }

    @Override
    public boolean contains(Class<?> cls, Object primaryKey) {
        return false;
    }

    @Override
    public void evict(Class<?> cls, Object primaryKey) {
    }

    @Override
    public void evict(Class<?> cls) {
    }

    @Override
    public void evictAll() {
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        if (cls.isInstance(this)) {
            return cls.cast(this);
        }
        throw new jakarta.persistence.PersistenceException("Cannot unwrap the cache of " + factory.getName() + " to " + cls.getName());
    }
}
