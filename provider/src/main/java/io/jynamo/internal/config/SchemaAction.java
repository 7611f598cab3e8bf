package io.jynamo.internal.config;

import java.util.Arrays;

/**
 * The standard {@code jakarta.persistence.schema-generation.database.action}, by its written value, and
 * {@code update} (not named by JPA; Hibernate's name for it): keep live tables up with the model without
 * dropping data.
 */
public enum SchemaAction {
    NONE("none"), CREATE("create"), DROP_AND_CREATE("drop-and-create"), DROP("drop"), UPDATE("update");

    private final String value;

    SchemaAction(String value) {
        this.value = value;
    }

    /** The value as the property writes it, e.g. {@code drop-and-create}. */
    public String value() {
        return value;
    }

    /** Every action as the property writes it, in order. */
    static String[] written() {
        return Arrays.stream(values()).map(SchemaAction::value).toArray(String[]::new);
    }

    /** The action written {@code value} (one of {@link #written()}). */
    static SchemaAction of(String value) {
        for (SchemaAction a : values()) {
            if (a.value.equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
