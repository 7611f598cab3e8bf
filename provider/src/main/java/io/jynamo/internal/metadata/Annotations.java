package io.jynamo.internal.metadata;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.function.Supplier;

/**
 * The one way metadata readers see mapping annotations: those of the classes, overlaid by what the unit's
 * orm.xml files declare ({@link MappingSource}). Readers call these instead of
 * {@link AnnotatedElement#getAnnotation} so that a class mapped in XML reads like an annotated one.
 *
 * <p>The source in force is the one {@link #using} installs around a unit's metadata build (and around
 * the later reads of the same unit's mapping); outside of it, only the annotations of the classes count.
 */
public final class Annotations {

    private static final ThreadLocal<MappingSource> CURRENT = new ThreadLocal<>();

    private Annotations() {
    }

    /** Runs {@code work} with {@code source} as the mapping every reader sees on this thread. */
    public static <T> T using(MappingSource source, Supplier<T> work) {
        MappingSource previous = CURRENT.get();
        CURRENT.set(source);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static MappingSource source() {
        MappingSource s = CURRENT.get();
        return s == null ? MappingSource.NONE : s;
    }

    /** The unit's default entity listeners (orm.xml {@code persistence-unit-defaults}), in order. */
    static java.util.List<Class<?>> defaultListeners() {
        return source().defaultListeners();
    }

    /** Like {@link AnnotatedElement#getAnnotation}. */
    public static <A extends Annotation> A get(AnnotatedElement element, Class<A> type) {
        return source().get(element, type);
    }

    /** Like {@link AnnotatedElement#isAnnotationPresent}. */
    public static boolean has(AnnotatedElement element, Class<? extends Annotation> type) {
        return get(element, type) != null;
    }

    /** Like {@link AnnotatedElement#getAnnotationsByType} (repeatable annotations, their containers looked into). */
    public static <A extends Annotation> A[] all(AnnotatedElement element, Class<A> type) {
        return source().all(element, type);
    }

    /** Whether the element has any mapping at all (an annotation or an XML element). */
    public static boolean any(AnnotatedElement element) {
        return source().any(element);
    }
}
