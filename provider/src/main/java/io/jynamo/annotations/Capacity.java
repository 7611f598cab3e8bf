package io.jynamo.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Provisioned throughput for the entity's table (and its global indexes) when Jynamo creates it.
 * Without it tables are created on-demand ({@code PAY_PER_REQUEST}).
 *
 * <pre>{@code @Entity @Capacity(read = 1, write = 1) class User { ... }}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Capacity {
    /** Read capacity units, at least 1. */
    long read();

    /** Write capacity units, at least 1. */
    long write();
}
