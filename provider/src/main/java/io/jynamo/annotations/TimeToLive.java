package io.jynamo.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the attribute DynamoDB uses as the table's time-to-live: an {@code Instant} (stored as a number
 * of epoch seconds, the fraction of a second dropped) or a number of epoch seconds. Schema generation
 * enables TTL on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface TimeToLive {
}
