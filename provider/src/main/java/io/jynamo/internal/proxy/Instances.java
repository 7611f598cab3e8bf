package io.jynamo.internal.proxy;

import io.jynamo.internal.metadata.EntityMeta;

/**
 * Makes the instances Jynamo materialises. The plain implementation instantiates the entity class;
 * the Byte Buddy one makes tracking subclasses and lazy references.
 */
public interface Instances {

    /** A new, empty instance to load a found item into. */
    Object create(EntityMeta meta);

    /**
     * An instance standing for a key without loading it: the key attributes are set; reading
     * another attribute runs {@code loader} once, where lazy references are supported.
     */
    Object reference(EntityMeta meta, Object id, Loader loader);

    /** Whether an instance's state has been loaded (false for a reference not yet touched). */
    boolean isLoaded(Object instance);

    /** Loads a reference now, if it is one and is not loaded. */
    void load(Object instance);

    /**
     * What the instance knows of its own changes since {@link #clean}: {@code null} when it does not
     * track them (the flush then compares it with its snapshot), else whether it may have changed.
     * An instance that reports {@code FALSE} is skipped by the flush without any comparison.
     */
    Boolean mayBeDirty(Object instance);

    /** Forgets recorded changes, after a flush wrote them or a load replaced the state. */
    void clean(Object instance);

    /**
     * Says that Jynamo itself changed the state through accessors (which a tracking subclass cannot
     * see), so that the next flush compares the instance with its snapshot.
     */
    default void touch(Object instance) {
    }

    /**
     * Tells a lazy reference that the caller is filling in its state now (a find, query or refresh met it
     * before it was loaded), so the writes that follow do not run its loader.
     */
    default void markLoaded(Object instance) {
    }

    /** What a persistence context left on an instance ({@link #attach}), or {@code null}. */
    default Object attached(Object instance) {
        return null;
    }

    /**
     * Leaves a persistence context's entry on an instance (or {@code null} to take it back), where the instance
     * has room for one: Jynamo's proxies do, so the context finds a loaded instance's entry without hashing the
     * instance. Returns false, storing nothing, for an instance without room (a plain object).
     */
    default boolean attach(Object instance, Object entry) {
        return false;
    }

    /**
     * These instances for {@code jynamo.dirty-checking=snapshot}: {@link #mayBeDirty} answers {@code null}
     * for every instance, so that the flush compares each managed entity with its snapshot and finds changes
     * written past the proxy (reflection on its fields). Call once, before any instance is made.
     */
    default Instances snapshotDirtyChecking() {
        Instances tracking = this;
        return new Instances() {
            @Override
            public Object create(EntityMeta meta) {
                return tracking.create(meta);
            }

            @Override
            public Object reference(EntityMeta meta, Object id, Loader loader) {
                return tracking.reference(meta, id, loader);
            }

            @Override
            public boolean isLoaded(Object instance) {
                return tracking.isLoaded(instance);
            }

            @Override
            public void load(Object instance) {
                tracking.load(instance);
            }

            @Override
            public Boolean mayBeDirty(Object instance) {
                return null;
            }

            @Override
            public void clean(Object instance) {
                tracking.clean(instance);
            }

            @Override
            public void touch(Object instance) {
                tracking.touch(instance);
            }

            @Override
            public void markLoaded(Object instance) {
                tracking.markLoaded(instance);
            }

            @Override
            public Object attached(Object instance) {
                return tracking.attached(instance);
            }

            @Override
            public boolean attach(Object instance, Object entry) {
                return tracking.attach(instance, entry);
            }

            @Override
            public Instances snapshotDirtyChecking() {
                return this;
            }
        };
    }

    /** The Byte Buddy implementation: tracking subclasses and lazy references, one set per factory. */
    static Instances proxies() {
        return new ByteBuddyInstances();
    }

    /**
     * Whether an instance is loaded, for {@code ProviderUtil}: Jynamo's lazy references know; for any
     * other object Jynamo cannot tell.
     */
    static jakarta.persistence.spi.LoadState loadState(Object instance) {
        if (instance instanceof LazyState lazy) {
            return lazy.jynamoLoaded() ? jakarta.persistence.spi.LoadState.LOADED : jakarta.persistence.spi.LoadState.NOT_LOADED;
        }
        return jakarta.persistence.spi.LoadState.UNKNOWN;
    }

    /**
     * Whether an attribute of an instance is loaded, for {@code ProviderUtil} and {@code PersistenceUnitUtil}:
     * not when the instance is an unloaded reference, nor when the attribute holds an unloaded reference or
     * an unloaded relationship collection (read from the field of that name, which runs no entity code).
     */
    static jakarta.persistence.spi.LoadState loadState(Object instance, String attribute) {
        jakarta.persistence.spi.LoadState own = loadState(instance);
        if (own != jakarta.persistence.spi.LoadState.LOADED) {
            return own;
        }
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(attribute);
                f.setAccessible(true);
                return f.get(instance) instanceof LazyState lazy && !lazy.jynamoLoaded()
                        ? jakarta.persistence.spi.LoadState.NOT_LOADED : jakarta.persistence.spi.LoadState.LOADED;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (ReflectiveOperationException | RuntimeException e) {
                return jakarta.persistence.spi.LoadState.LOADED;
            }
        }
        return jakarta.persistence.spi.LoadState.LOADED;
    }

    /** Implemented by Jynamo's lazy reference instances and its relationship collections. */
    interface LazyState {
        /** Whether the state has been loaded. */
        boolean jynamoLoaded();
    }

    /** Loads the state of a lazy reference into it. */
    @FunctionalInterface
    interface Loader {
        void load(Object reference);
    }

    /** Instances of the entity class itself: references are loaded at once on first use by the entity manager. */
    Instances PLAIN = new Instances() {
        @Override
        public Object create(EntityMeta meta) {
            return meta.newInstance();
        }

        @Override
        public Object reference(EntityMeta meta, Object id, Loader loader) {
            Object instance = meta.newInstance();
            meta.setId(instance, id);
            return instance;
        }

        @Override
        public boolean isLoaded(Object instance) {
            return true;
        }

        @Override
        public void load(Object instance) {
        }

        @Override
        public Boolean mayBeDirty(Object instance) {
            return null;
        }

        @Override
        public void clean(Object instance) {
        }

        @Override
        public Instances snapshotDirtyChecking() {
            // Plain instances are always compared with their snapshot.
            return this;
        }
    };
}
