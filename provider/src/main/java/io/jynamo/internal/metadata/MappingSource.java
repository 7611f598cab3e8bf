package io.jynamo.internal.metadata;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping of a unit's classes: their annotations overlaid by what the unit's orm.xml files declare
 * (JPA 3.2 chapter 12). An XML element becomes an annotation of the class, field or getter it maps; where
 * the class has the same annotation, the members the XML gives win and the others stay the annotation's.
 * For a metadata-complete class (or every class, under {@code xml-mapping-metadata-complete}) the class's
 * {@code jakarta.persistence} annotations are ignored; Jynamo's own annotations, which XML cannot express,
 * still count.
 */
public final class MappingSource {

    /** Annotations only: a unit without orm.xml. */
    public static final MappingSource NONE = new MappingSource();

    private final Map<AnnotatedElement, Map<Class<? extends Annotation>, List<Annotation>>> xml = new HashMap<>();
    private final Set<Class<?>> complete = new HashSet<>();
    private boolean allComplete;
    private final List<Class<?>> defaultListeners = new ArrayList<>();
    private final Map<String, String> namedQueries = new LinkedHashMap<>();
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    /** The (class, callback annotation) pairs the XML declares, which replace the class's annotated callback. */
    private final Set<List<Class<?>>> callbacks = new HashSet<>();

    MappingSource() {
    }

    /**
     * Reads orm.xml files, in order.
     *
     * @throws jakarta.persistence.PersistenceException naming the file, line and element of the first thing
     *                                                  that cannot be read
     */
    public static MappingSource read(List<URL> files, ClassLoader loader) {
        if (files.isEmpty()) {
            return NONE;
        }
        MappingSource source = new MappingSource();
        OrmXml.read(files, loader, source);
        return source;
    }

    /** The classes the XML declares (entities, mapped superclasses, embeddables, converters), in file order. */
    public Set<Class<?>> classes() {
        return Collections.unmodifiableSet(classes);
    }

    /** The named queries the XML declares, by name. */
    public Map<String, String> namedQueries() {
        return Collections.unmodifiableMap(namedQueries);
    }

    // ---- filled by OrmXml ------------------------------------------------------------------------------

    void add(AnnotatedElement element, Annotation annotation) {
        xml.computeIfAbsent(element, e -> new LinkedHashMap<>())
                .computeIfAbsent(annotation.annotationType(), t -> new ArrayList<>()).add(annotation);
    }

    boolean declared(AnnotatedElement element, Class<? extends Annotation> type) {
        Map<Class<? extends Annotation>, List<Annotation>> m = xml.get(element);
        return m != null && m.containsKey(type);
    }

    void complete(Class<?> c) {
        complete.add(c);
    }

    void allComplete() {
        allComplete = true;
    }

    void overrideCallback(Class<?> owner, Class<? extends Annotation> type) {
        callbacks.add(List.of(owner, type));
    }

    void defaultListener(Class<?> c) {
        defaultListeners.add(c);
    }

    void declare(Class<?> c) {
        classes.add(c);
    }

    /** @return the query already declared under that name, or {@code null} */
    String namedQuery(String name, String jpql) {
        return namedQueries.putIfAbsent(name, jpql);
    }

    // ---- read by the metadata readers, through Annotations ----------------------------------------------

    /** The default entity listeners (persistence-unit-defaults), in order. */
    List<Class<?>> defaultListeners() {
        return defaultListeners;
    }

    <A extends Annotation> A get(AnnotatedElement element, Class<A> type) {
        A annotation = counts(element, type) ? element.getAnnotation(type) : null;
        List<Annotation> declared = declared(element, type) ? xml.get(element).get(type) : List.of();
        if (declared.isEmpty()) {
            return annotation;
        }
        A fromXml = type.cast(declared.get(0));
        return annotation == null ? fromXml : Synthesized.over(fromXml, annotation);
    }

    /**
     * Columns an XML element lists in full: its {@code <join-column>}s replace the class's {@code @JoinColumn}s (and
     * {@code @JoinColumns}), rather than adding to them, since a column's name says which column, not which setting.
     */
    private static final Set<Class<? extends Annotation>> REPLACED_WHOLE = Set.of(jakarta.persistence.JoinColumn.class,
            jakarta.persistence.PrimaryKeyJoinColumn.class, jakarta.persistence.MapKeyJoinColumn.class);

    /**
     * The XML's repeatable annotations first, then the class's own, less those the XML overrides by name
     * (an {@code attribute-override} of the same attribute, say); of {@link #REPLACED_WHOLE} types the XML's alone.
     */
    <A extends Annotation> A[] all(AnnotatedElement element, Class<A> type) {
        List<A> result = new ArrayList<>();
        Set<Object> names = new HashSet<>();
        Method name = nameMember(type);
        if (declared(element, type) && REPLACED_WHOLE.contains(type)) {
            @SuppressWarnings("unchecked")
            A[] fromXml = xml.get(element).get(type).toArray(n -> (A[]) Array.newInstance(type, n));
            return fromXml;
        }
        if (declared(element, type)) {
            for (Annotation a : xml.get(element).get(type)) {
                result.add(type.cast(a));
                if (name != null) {
                    names.add(value(name, a));
                }
            }
        }
        if (counts(element, type)) {
            for (A a : element.getAnnotationsByType(type)) {
                if (name == null || !names.contains(value(name, a))) {
                    result.add(a);
                }
            }
        }
        @SuppressWarnings("unchecked")
        A[] array = (A[]) Array.newInstance(type, result.size());
        return result.toArray(array);
    }

    boolean any(AnnotatedElement element) {
        if (xml.containsKey(element)) {
            return true;
        }
        for (Annotation a : element.getAnnotations()) {
            if (counts(element, a.annotationType())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class's own annotation of that type counts, or metadata-complete XML hides it. */
    boolean counts(AnnotatedElement element, Class<? extends Annotation> type) {
        if (!type.getName().startsWith("jakarta.persistence.")) {
            return true;
        }
        if (allComplete) {
            return false;
        }
        Class<?> owner = element instanceof Class<?> c ? c : element instanceof Member m ? m.getDeclaringClass() : null;
        if (element instanceof Method && callbacks.contains(List.of(owner, type))) {
            return false;
        }
        return owner == null || !complete.contains(owner);
    }

    private static Method nameMember(Class<? extends Annotation> type) {
        try {
            Method m = type.getMethod("name");
            return m.getReturnType() == String.class ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object value(Method m, Annotation a) {
        try {
            return m.invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
