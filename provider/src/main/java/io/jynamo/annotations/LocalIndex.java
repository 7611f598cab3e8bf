package io.jynamo.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a local secondary index: same partition key as the table, another sort key.
 *
 * <pre>{@code @Entity @LocalIndex(name = "byEmail", sortKey = "email") class User { ... }}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(LocalIndex.List.class)
public @interface LocalIndex {
    /** The index name. */
    String name();

    /** The attribute (Java name) that is the index sort key. */
    String sortKey();

    /** Several local indexes on one entity. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        /** The indexes. */
        LocalIndex[] value();
    }
}
