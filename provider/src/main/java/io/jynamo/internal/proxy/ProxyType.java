package io.jynamo.internal.proxy;

import io.jynamo.internal.metadata.EntityMeta;
import jakarta.persistence.PersistenceException;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The proxy of one entity in one factory: its generated class, its plan, and how to copy it out. */
final class ProxyType {

    private static final System.Logger LOG = System.getLogger(ProxyType.class.getName());

    private final EntityMeta meta;
    private final Supplier<Object> constructor;
    private final boolean tracking;
    private volatile List<MethodHandle[]> fields;
    /** How many of the next cleaned instances are {@linkplain #sampled sampled} for sure. */
    private volatile int firstSamples = FIRST_SAMPLES;
    /** Set once a write that bypassed the proxy was seen and logged: sampling stops. */
    private volatile boolean bypassWarned;

    /** The first instances cleaned per entity and factory that are checked for writes bypassing the proxy. */
    static final int FIRST_SAMPLES = 16;
    /** After those, about one cleaned instance in this many is checked. */
    static final int SAMPLE_PERIOD = 1024;

    private ProxyType(EntityMeta meta, Supplier<Object> constructor, boolean tracking) {
        this.meta = meta;
        this.constructor = constructor;
        this.tracking = tracking;
    }

    /** The proxy of an entity, or {@code null} when its instances must be plain (see the log). */
    static ProxyType of(EntityMeta meta) {
        Class<?> entity = meta.javaClass();
        if (!visible(entity.getClassLoader())) {
            LOG.log(System.Logger.Level.INFO, () -> "Entity " + entity.getName() + ": its class loader cannot see Jynamo's"
                    + " classes, so its instances are not proxies; changes are found by comparing snapshots and"
                    + " getReference loads nothing until find");
            return null;
        }
        ProxyPlan plan = ProxyPlan.of(meta);
        if (!plan.tracking()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Entity " + entity.getName() + ": changes are found by comparing"
                    + " snapshots, because " + String.join("; ", plan.untracked()));
        }
        if (!plan.unloading().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, () -> "Entity " + entity.getName() + ": " + String.join("; ", plan.unloading())
                    + ". Such methods cannot be intercepted: on a lazy reference (getReference) they run before the"
                    + " state is loaded, and changes they make are found only by comparing snapshots. Remove 'final'");
        }
        try {
            Class<?> type = ProxyClasses.of(plan.shape());
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class));
            return new ProxyType(meta, factory(lookup, ctor, type), plan.tracking());
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new PersistenceException("Cannot generate the proxy class of entity " + entity.getName() + ": " + e.getMessage()
                    + " (open its package to Jynamo)", e);
        }
    }

    /**
     * What makes instances: a {@code Supplier} whose class calls the constructor itself (made by the
     * {@link LambdaMetafactory}), so that the JIT compiles every {@code new} with its class known, as for
     * {@code new} written in Java. A constructor method handle held in a field is a call the JIT cannot see
     * through, and allocates through the VM each time. Where the lookup cannot define such a class (the proxy's
     * class loader is not Jynamo's), the method handle serves.
     */
    @SuppressWarnings("unchecked")
    private static Supplier<Object> factory(MethodHandles.Lookup lookup, MethodHandle ctor, Class<?> type) {
        try {
            return (Supplier<Object>) LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), ctor, MethodType.methodType(type)).getTarget().invokeExact();
        } catch (Throwable e) {
            MethodHandle generic = ctor.asType(MethodType.methodType(Object.class));
            return () -> {
                try {
                    return generic.invokeExact();
                } catch (RuntimeException | Error x) {
                    throw x;
                } catch (Throwable x) {
                    throw new java.lang.reflect.UndeclaredThrowableException(x);
                }
            };
        }
    }

    private static boolean visible(ClassLoader loader) {
        try {
            return Class.forName(Hooks.class.getName(), false, loader) == Hooks.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    EntityMeta meta() {
        return meta;
    }

    /** Whether the flush may trust the recorded changes. */
    boolean tracking() {
        return tracking;
    }

    /**
     * Whether an instance being cleaned should be checked for writes that bypass the proxy at the next
     * flush: the first {@value #FIRST_SAMPLES} per entity and factory, then about one in {@value #SAMPLE_PERIOD},
     * none once a bypass was reported. So the check costs two item builds for a bounded few instances
     * (no shared counter is written after the first ones), never one per instance.
     */
    boolean sampled() {
        if (bypassWarned) {
            return false;
        }
        int first = firstSamples;
        if (first > 0) {
            // Racy on purpose: a few samples more or less make no difference.
            firstSamples = first - 1;
            return true;
        }
        return java.util.concurrent.ThreadLocalRandom.current().nextInt(SAMPLE_PERIOD) == 0;
    }

    /**
     * Reports, once per entity and factory, that a managed instance changed although its proxy recorded
     * nothing: its fields were written without calling its methods, typically by reflection.
     */
    void bypassSeen() {
        if (bypassWarned) {
            return;
        }
        bypassWarned = true;
        LOG.log(System.Logger.Level.WARNING, () -> "Entity " + meta.javaClass().getName() + ": a managed instance changed"
                + " without any call of its methods (its fields were written directly, e.g. by reflection as Jackson's"
                + " readerForUpdating or a mapper with field access does). With jynamo.dirty-checking=tracking (the"
                + " default) such changes are NOT written. Change managed entities through their methods, or set"
                + " jynamo.dirty-checking=snapshot to compare every managed entity with its snapshot at flush"
                + " (see docs/persistence-context.md, \"Dirty tracking\"). Logged once per entity class");
    }

    /** A new proxy instance, without state attached. */
    Object instantiate() {
        try {
            return constructor.get();
        } catch (java.lang.reflect.UndeclaredThrowableException e) {
            throw new PersistenceException("Cannot instantiate entity " + meta.javaClass().getName(), e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a constructor declaring a checked exception
            throw new PersistenceException("Cannot instantiate entity " + meta.javaClass().getName(), e);
        }
    }

    /**
     * A plain instance of the entity class with the proxy's state: every instance field of the class and
     * its superclasses, as Java serialization would write them.
     */
    Object plainCopy(Object proxy) {
        Object copy = meta.newInstance();
        try {
            for (MethodHandle[] f : fields()) {
                f[1].invoke(copy, f[0].invoke(proxy));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new PersistenceException("Cannot copy " + meta.javaClass().getName() + " for serialization", e);
        }
        return copy;
    }

    private List<MethodHandle[]> fields() throws IllegalAccessException {
        List<MethodHandle[]> result = fields;
        if (result == null) {
            result = new ArrayList<>();
            for (Class<?> c = meta.javaClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod)) {
                        result.add(new MethodHandle[] {lookup.unreflectGetter(f), lookup.unreflectSetter(f)});
                    }
                }
            }
            fields = result;
        }
        return result;
    }
}
