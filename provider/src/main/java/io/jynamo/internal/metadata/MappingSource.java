package io.jynamo.internal.metadata;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;

/** The mapping of a unit's classes: their annotations. */
public final class MappingSource {

    /** Annotations only: a unit without orm.xml. */
    public static final MappingSource NONE = new MappingSource();

    private MappingSource() {
    }

    <A extends Annotation> A get(AnnotatedElement element, Class<A> type) {
        return element.getAnnotation(type);
    }

    <A extends Annotation> A[] all(AnnotatedElement element, Class<A> type) {
        return element.getAnnotationsByType(type);
    }

    boolean any(AnnotatedElement element) {
        return element.getAnnotations().length > 0;
    }
}
