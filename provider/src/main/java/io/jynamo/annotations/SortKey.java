package io.jynamo.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code @Id} attribute that is the sort (range) key of a composite primary key; the
 * other {@code @Id} attribute is the partition key.
 *
 * <pre>{@code
 * @Entity @IdClass(UserId.class)
 * class User {
 *     @Id String lastName;
 *     @Id @SortKey String firstName;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface SortKey {
}
