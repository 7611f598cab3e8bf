package io.jynamo.internal.proxy;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.FieldPersistence;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.implementation.SuperMethodCall;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates the subclasses. A class loader defines a name once, so classes are kept per entity class
 * and shape for the whole JVM (through a {@link ClassValue}, which does not keep the entity's loader alive)
 * and shared by every factory whose plan has the same shape.
 */
final class ProxyClasses {

    static final String FIELD = "jynamo$state";
    static final String SUFFIX = "$JynamoProxy";

    private static final Method READ = hook("read", Object.class);
    private static final Method TOUCH = hook("touch", Object.class);
    private static final Method ESCAPE = hook("escape", Object.class);
    private static final Method WRITE = hook("write", Object.class, int.class);
    private static final Method WRITE_REPLACE = hook("writeReplace", Object.class);

    private static final ClassValue<Map<ProxyPlan.Shape, Class<?>>> CLASSES = new ClassValue<>() {
        @Override
        protected Map<ProxyPlan.Shape, Class<?>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private ProxyClasses() {
    }

    private static Method hook(String name, Class<?>... parameters) {
        try {
            return Hooks.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subclass of that shape, generated on first request. */
    static Class<?> of(ProxyPlan.Shape shape) throws IllegalAccessException {
        Map<ProxyPlan.Shape, Class<?>> classes = CLASSES.get(shape.entity());
        Class<?> existing = classes.get(shape);
        if (existing != null) {
            return existing;
        }
        // Generation runs under the lock of its entity class only, so each shape is defined once.
        synchronized (classes) {
            existing = classes.get(shape);
            if (existing == null) {
                existing = generate(shape, classes.size());
                classes.put(shape, existing);
            }
            return existing;
        }
    }

    private static Class<?> generate(ProxyPlan.Shape shape, int taken) throws IllegalAccessException {
        Class<?> entity = shape.entity();
        // Defined in the entity's own package and loader: package-private classes, constructors and
        // methods are then overridable, with no agent and no Unsafe.
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(entity, MethodHandles.lookup());
        for (int n = taken + 1; ; n++) {
            String name = entity.getName() + SUFFIX + (n == 1 ? "" : "$" + n);
            try {
                return build(shape, name).make()
                        .load(entity.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                        .getLoaded();
            } catch (RuntimeException | LinkageError e) {
                // Another copy of Jynamo sharing the entity's loader took the name: try the next one.
                if (!duplicate(e) || n > taken + 20) {
                    throw e;
                }
            }
        }
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LinkageError) {
                return true;
            }
        }
        return false;
    }

    private static DynamicType.Builder<?> build(ProxyPlan.Shape shape, String name) {
        DynamicType.Builder<?> builder = new ByteBuddy()
                .subclass(shape.entity(), ConstructorStrategy.Default.DEFAULT_CONSTRUCTOR)
                .name(name)
                .implement(Proxied.class)
                .defineField(FIELD, Object.class, Visibility.PRIVATE, FieldPersistence.TRANSIENT)
                .method(ElementMatchers.named(FIELD)).intercept(FieldAccessor.ofField(FIELD));
        if (!shape.read().isEmpty()) {
            builder = builder.method(signatures(shape.read()))
                    .intercept(MethodCall.invoke(READ).withThis().andThen(SuperMethodCall.INSTANCE));
        }
        if (!shape.touch().isEmpty()) {
            builder = builder.method(signatures(shape.touch()))
                    .intercept(MethodCall.invoke(TOUCH).withThis().andThen(SuperMethodCall.INSTANCE));
        }
        if (!shape.escape().isEmpty()) {
            builder = builder.method(signatures(shape.escape()))
                    .intercept(MethodCall.invoke(ESCAPE).withThis().andThen(SuperMethodCall.INSTANCE));
        }
        for (Map.Entry<String, Integer> w : shape.write().entrySet()) {
            builder = builder.method(signatures(Set.of(w.getKey())))
                    .intercept(MethodCall.invoke(WRITE).withThis().with(w.getValue()).andThen(SuperMethodCall.INSTANCE));
        }
        if (shape.writeReplace()) {
            builder = builder.defineMethod("writeReplace", Object.class, Visibility.PRIVATE)
                    .intercept(MethodCall.invoke(WRITE_REPLACE).withThis());
        }
        return builder;
    }

    private static ElementMatcher<MethodDescription> signatures(Set<String> signatures) {
        return m -> signatures.contains(m.getInternalName() + m.getDescriptor());
    }
}
