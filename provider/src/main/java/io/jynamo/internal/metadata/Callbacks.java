package io.jynamo.internal.metadata;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.ExcludeSuperclassListeners;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle callbacks of one entity class, in the order JPA 3.2 section 3.6.1 prescribes:
 * the unit's default listeners (orm.xml), listener classes of {@code @EntityListeners} (superclasses
 * first), then the entity's own callback methods (superclasses first).
 */
final class Callbacks {

    static final List<Class<? extends Annotation>> TYPES = List.of(PrePersist.class, PostPersist.class,
            PreUpdate.class, PostUpdate.class, PreRemove.class, PostRemove.class, PostLoad.class);

    private final Map<Class<? extends Annotation>, List<Callback>> byType;

    private Callbacks(Map<Class<? extends Annotation>, List<Callback>> byType) {
        this.byType = byType;
    }

    boolean has(Class<? extends Annotation> type) {
        return byType.containsKey(type);
    }

    void fire(Class<? extends Annotation> type, Object entity) {
        List<Callback> list = byType.isEmpty() ? null : byType.get(type);
        if (list == null) {
            return;
        }
        for (Callback c : list) {
            c.run(entity);
        }
    }

    static Callbacks of(Class<?> entityClass) {
        Map<Class<? extends Annotation>, List<Callback>> byType = new HashMap<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = entityClass; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Class<?>> listenerOwners = new ArrayList<>();
        for (int i = hierarchy.size() - 1; i >= 0; i--) {
            Class<?> c = hierarchy.get(i);
            listenerOwners.add(0, c);
            if (Annotations.has(c, ExcludeSuperclassListeners.class)) {
                break;
            }
        }
        boolean excludeDefaults = false;
        for (Class<?> c : hierarchy) {
            excludeDefaults |= Annotations.has(c, ExcludeDefaultListeners.class);
        }
        if (!excludeDefaults) {
            for (Class<?> listenerClass : Annotations.defaultListeners()) {
                addListener(byType, listenerClass);
            }
        }
        for (Class<?> owner : listenerOwners) {
            EntityListeners listeners = Annotations.get(owner, EntityListeners.class);
            if (listeners == null || Annotations.has(owner, ExcludeDefaultListeners.class) && owner != entityClass) {
                continue;
            }
            for (Class<?> listenerClass : listeners.value()) {
                addListener(byType, listenerClass);
            }
        }
        for (Class<?> c : hierarchy) {
            for (Method m : c.getDeclaredMethods()) {
                for (Class<? extends Annotation> type : TYPES) {
                    if (Annotations.has(m, type) && !Modifier.isStatic(m.getModifiers())) {
                        MethodHandle h = handle(m);
                        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(h::invoke);
                    }
                }
            }
        }
        return new Callbacks(byType);
    }

    private static void addListener(Map<Class<? extends Annotation>, List<Callback>> byType, Class<?> listenerClass) {
        Object listener = instantiate(listenerClass);
        for (Method m : listenerClass.getDeclaredMethods()) {
            for (Class<? extends Annotation> type : TYPES) {
                if (Annotations.has(m, type)) {
                    MethodHandle h = handle(m);
                    byType.computeIfAbsent(type, t -> new ArrayList<>())
                            .add(entity -> h.invoke(listener, entity));
                }
            }
        }
    }

    private static Object instantiate(Class<?> listenerClass) {
        try {
            var ctor = listenerClass.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new PersistenceException("Entity listener " + listenerClass.getName()
                    + " needs a public no-argument constructor", e);
        }
    }

    private static MethodHandle handle(Method m) {
        try {
            return MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup()).unreflect(m);
        } catch (IllegalAccessException e) {
            throw new PersistenceException("Cannot access callback " + m, e);
        }
    }

    @FunctionalInterface
    private interface Callback {
        void call(Object entity) throws Throwable;

        default void run(Object entity) {
            try {
                call(entity);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new PersistenceException("A lifecycle callback failed", e);
            }
        }
    }
}
