package io.jynamo.jpql.model;

import io.jynamo.jpql.ValueKind;

import java.util.List;

/**
 * One queryable attribute of an entity, as the provider describes it to the compiler.
 *
 * @param path        the JPQL path below the identification variable, e.g. {@code firstName}
 *                    or {@code address.city} for an attribute of an embeddable
 * @param storedPath  the DynamoDB attribute names along that path, e.g. {@code ["first_name"]}
 *                    or {@code ["address", "city"]}
 * @param kind        how the value is stored
 * @param javaType    the Java type of the attribute (wrapper types for primitives); literals and
 *                    parameters are checked against it
 * @param elementType the element type of a collection attribute ({@code LIST}/{@code SET}),
 *                    otherwise {@code null}
 * @param alwaysStored whether every item of the entity holds the attribute (a primitive is never null), so
 *                    that an index with it as sort key holds every item that has the index's partition key
 */
public record AttributeInfo(String path, List<String> storedPath, ValueKind kind, Class<?> javaType,
                            Class<?> elementType, boolean alwaysStored) {
    /**
     * The path of the pseudo-attribute {@code TYPE(e)} (no Java name can be it): an entity of a hierarchy
     * describes its discriminator under it, and entity names compared with it are its literals.
     */
    public static final String TYPE_PATH = "TYPE()";
    /**
     * The segment {@code INDEX(v)} leaves after the variable: the position of the element {@code v} of an ordered
     * collection ({@code @OrderColumn}) joined from the queried entity, which only a join's rows know (see
     * {@code CollectionRows}); no entity has an attribute under it.
     */
    public static final String INDEX_PATH = "INDEX()";
    /**
     * The segment {@code TREAT(e AS Sub).a} leaves after the variable ({@code e}, {@code TREAT()Sub}, {@code a}), before the
     * compiler rewrites the statement as one of {@code Sub}.
     */
    public static final String TREAT_PREFIX = "TREAT()";
    /** The last segment of the path {@code ID(x)} stands for: the key attribute of the entity {@code x} denotes. */
    public static final String ID_PATH = "ID()";
    /**
     * The path of {@code VERSION(e)}: a model describes the entity's {@code @Version} attribute under it too (the
     * same {@link AttributeInfo}); an entity without one has none.
     */
    public static final String VERSION_PATH = "VERSION()";

    /**
     * The path prefix of an attribute of a to-one's target read through it ({@code o.customer.name}, or
     * {@code o.customer.home.city} through two): {@code TO()customer.name}, with no stored path. Only the target's
     * key is on the owner's item, so it is evaluated in Java after the read: the provider loads the targets of the
     * items read and hands in the attribute's value, {@code null} when there is no target.
     */
    public static final String NAVIGATION_PREFIX = "TO()";

    /** Whether this is the attribute of a to-one's target ({@link #NAVIGATION_PREFIX}). */
    public boolean navigated() {
        return path.startsWith(NAVIGATION_PREFIX);
    }

    public AttributeInfo {
        storedPath = List.copyOf(storedPath);
    }

    /** An attribute items may lack. */
    public AttributeInfo(String path, List<String> storedPath, ValueKind kind, Class<?> javaType, Class<?> elementType) {
        this(path, storedPath, kind, javaType, elementType, false);
    }
}
