package io.jynamo.jpql.semantic;

import io.jynamo.jpql.model.AttributeInfo;

/**
 * What a value is compared with or assigned to.
 *
 * @param type              the Java type the value must have
 * @param attribute         the attribute (for messages and enum resolution), or null
 * @param text              how to name the target in messages
 * @param collectionAllowed whether a parameter may be a collection
 */
record Target(Class<?> type, AttributeInfo attribute, String text, boolean collectionAllowed) {
    static Target of(AttributeInfo a, String text) {
        return new Target(Types.wrap(a.javaType()), a, text, false);
    }

    static Target element(AttributeInfo a, String text) {
        return new Target(Types.wrap(a.elementType()), a, "an element of " + text, false);
    }

    static Target plain(Class<?> type, String text) {
        return new Target(type, null, text, false);
    }

    Target allowingCollections() {
        return new Target(type, attribute, text, true);
    }
}
