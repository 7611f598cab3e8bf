package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.Codecs;
import io.jynamo.internal.convert.MapForm;
import io.jynamo.internal.convert.UnreadableValueException;
import io.jynamo.jpql.ValueKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Member;
import java.util.List;

/**
 * One persistent attribute of an entity or embeddable: its Java name and type, its DynamoDB name,
 * how to read and write it, and how to convert it.
 *
 * @param name        the Java attribute name
 * @param storedName  the DynamoDB attribute name ({@code @Column(name)} or the Java name)
 * @param javaType    the declared Java type
 * @param elementType the element type of a collection, else {@code null}
 * @param accessor    reads and writes the value
 * @param codec       converts the value
 * @param embeddable  the embeddable's attributes when the attribute is {@code @Embedded}, else {@code null}
 * @param member      the field or getter, for the metamodel
 * @param role        what the attribute is to the entity
 */
public record AttributeMeta(String name, String storedName, Class<?> javaType, Class<?> elementType,
                            Accessor accessor, Codec codec, EmbeddableMeta embeddable, Member member, Role role) {

    /** What an attribute is to its entity. */
    public enum Role { PARTITION_KEY, SORT_KEY, VERSION, GENERATED_UUID, BASIC, EMBEDDED, COLLECTION }

    /** The value converted for DynamoDB, or {@code null} when nothing is stored. */
    public AttributeValue write(Object owner) {
        Object value = accessor.get(owner);
        if (value == null) {
            return null;
        }
        try {
            return codec.write(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Attribute '" + name + "' of " + member.getDeclaringClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the attribute from a stored value; an absent value or a DynamoDB NULL sets {@code null} (or an
     * empty collection, or a primitive's default).
     *
     * @throws UnreadableValueException naming this attribute, if the value does not fit it
     */
    public void read(Object owner, AttributeValue value) {
        accessor.set(owner, valueOf(value));
    }

    /**
     * The Java value of a stored value, as {@link #read} would set it.
     *
     * @throws UnreadableValueException naming this attribute, if the value does not fit it
     */
    public Object valueOf(AttributeValue value) {
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return absent();
        }
        try {
            return codec.read(value);
        } catch (UnreadableValueException e) {
            throw e.in(name);
        }
    }

    private Object absent() {
        if (codec instanceof MapForm) {
            return new java.util.LinkedHashMap<>();
        }
        return codec instanceof Codecs.CollectionCodec c ? (c.set() ? new java.util.LinkedHashSet<>() : new java.util.ArrayList<>()) : null;
    }

    /** The embeddable of a collection's (or map's) elements (values), or {@code null} if they are basic. */
    public EmbeddableMeta elementEmbeddable() {
        Codec element = codec instanceof Codecs.CollectionCodec c ? c.element()
                : codec instanceof MapForm m ? m.value() : null;
        return element instanceof EmbeddedCodec e ? e.meta() : null;
    }

    /** The embeddable of a map's keys, or {@code null} if they are basic (or this is no map). */
    public EmbeddableMeta keyEmbeddable() {
        return codec instanceof MapForm m && m.key() instanceof EmbeddedCodec e ? e.meta() : null;
    }

    /** How the value is stored. */
    public ValueKind kind() {
        return codec.kind();
    }

    /** Whether it is stored as a string, number or binary: the only types DynamoDB key attributes may have. */
    boolean keyable() {
        return kind() == ValueKind.STRING || kind() == ValueKind.NUMBER || kind() == ValueKind.BINARY;
    }

    /** {@code true} for the partition or sort key. */
    public boolean isKey() {
        return role == Role.PARTITION_KEY || role == Role.SORT_KEY;
    }

    /** The boxed Java type. */
    public Class<?> boxedType() {
        return Types.box(javaType);
    }

    /** The attributes of an embeddable type. */
    public record EmbeddableMeta(Class<?> javaClass, java.lang.invoke.MethodHandle constructor, List<AttributeMeta> attributes) {
    }
}
