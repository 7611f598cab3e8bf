package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.Codecs;
import io.jynamo.internal.convert.ConverterCodec;
import io.jynamo.internal.metadata.PropertyScanner.Property;
import io.jynamo.jpql.ValueKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Temporal;
import jakarta.persistence.Version;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a persistent property into an attribute with the codec that stores it: a basic type, an enum,
 * an {@code AttributeConverter} (named by {@code @Convert} or auto-applied), a collection of basic values
 * or an {@code @Embeddable} as a map of its own attributes.
 */
final class CodecResolver {

    private static final List<Class<? extends Annotation>> RELATIONSHIPS =
            List.of(ManyToOne.class, OneToOne.class, OneToMany.class, ManyToMany.class);

    /** What a {@code @Lob} may be: the types whose ordinary form is already the large object's. */
    private static final java.util.Set<Class<?>> LOB_TYPES =
            java.util.Set.of(String.class, char[].class, Character[].class, byte[].class, Byte[].class);

    private final Map<Class<?>, Class<? extends AttributeConverter<?, ?>>> autoConverters = new HashMap<>();

    /** Notes the {@code @Converter(autoApply = true)} classes among the managed classes. */
    CodecResolver(Collection<Class<?>> classes) {
        for (Class<?> c : classes) {
            Converter converter = c.getAnnotation(Converter.class);
            if (converter != null && converter.autoApply()) {
                @SuppressWarnings("unchecked")
                Class<? extends AttributeConverter<?, ?>> cc = (Class<? extends AttributeConverter<?, ?>>) c;
                autoConverters.put(converterTypes(cc)[0], cc);
            }
        }
    }

    /** The attribute of a property of an entity or embeddable; {@code where} names the owner in errors. */
    AttributeMeta attribute(Property p, String where) {
        String at = where + " attribute '" + p.name() + "'";
        for (Class<? extends Annotation> rel : RELATIONSHIPS) {
            if (p.has(rel)) {
                throw new PersistenceException(at + " is a @" + rel.getSimpleName()
                        + " relationship: relationships are not supported yet; store the target's key as a basic attribute");
            }
        }
        String stored = p.storedName();
        AttributeMeta.Role role = AttributeMeta.Role.BASIC;
        Class<?> type = p.type();
        Class<?> elementType = null;
        AttributeMeta.EmbeddableMeta embeddable = null;
        Codec codec;
        if (p.has(Version.class)) {
            Class<?> boxed = Types.box(type);
            if (boxed != Integer.class && boxed != Long.class && boxed != Short.class
                    && type != java.sql.Timestamp.class && type != java.time.Instant.class) {
                throw new PersistenceException(at + " is @Version but a " + type.getName()
                        + "; use int, long or short (or their wrappers), java.sql.Timestamp or Instant");
            }

            role = AttributeMeta.Role.VERSION;
        }
        if (p.has(GeneratedValue.class) && !p.has(Id.class)) {
            throw new PersistenceException(at + ": @GeneratedValue is only supported on the partition key");
        }
        Convert convert = p.get(Convert.class);
        if (convert != null && !convert.disableConversion() && convert.converter() != AttributeConverter.class) {
            @SuppressWarnings("unchecked")
            Class<? extends AttributeConverter<?, ?>> cc = (Class<? extends AttributeConverter<?, ?>>) convert.converter();
            codec = converterCodec(cc, at);
        } else if (autoConverters.containsKey(Types.box(type)) && (convert == null || !convert.disableConversion())) {
            codec = converterCodec(autoConverters.get(Types.box(type)), at);
        } else if (p.has(Embedded.class) || type.isAnnotationPresent(Embeddable.class)) {
            embeddable = embeddable(type, at);
            codec = embeddedCodec(embeddable);
            role = AttributeMeta.Role.EMBEDDED;
        } else if (Collection.class.isAssignableFrom(type)) {
            if (type != List.class && type != java.util.Set.class && type != Collection.class) {
                throw new PersistenceException(at + " is a " + type.getName()
                        + "; declare collection attributes as List, Set or Collection");
            }
            elementType = elementType(p.genericType(), at);
            Codec element = elementType.isAnnotationPresent(Embeddable.class)
                    ? embeddedCodec(embeddable(elementType, at + " element"))
                    : basicCodec(elementType, p, at + " element");
            codec = Codecs.collection(type, element);
            role = AttributeMeta.Role.COLLECTION;
        } else if (Map.class.isAssignableFrom(type)) {
            throw new PersistenceException(at + " is a Map: map attributes are not supported yet; use an @Embeddable");
        } else {
            codec = basicCodec(type, p, at);
        }
        return new AttributeMeta(p.name(), stored, type, elementType, p.accessor(), codec, embeddable, p.member(), role);
    }

    private static EmbeddedCodec embeddedCodec(AttributeMeta.EmbeddableMeta embeddable) {
        EmbeddedCodec ec = new EmbeddedCodec();
        ec.init(embeddable);
        return ec;
    }

    private Codec basicCodec(Class<?> type, Property p, String at) {
        Temporal temporal = p.get(Temporal.class);
        if (temporal != null) {
            Codec codec = Codecs.temporal(type, temporal.value());
            if (codec == null) {
                throw new PersistenceException(at + " is @Temporal(" + temporal.value() + ") but a " + type.getName()
                        + "; @Temporal applies to java.util.Date and Calendar only (a java.sql.Date, Time or"
                        + " Timestamp is already a DATE, TIME or TIMESTAMP): remove it or change the type");
            }
            return codec;
        }
        if (type == java.util.Date.class || type == java.util.Calendar.class || type == java.util.GregorianCalendar.class) {
            // JPA 3.2 section 11.1.54: "must be specified"; guessing would store dates and times in the wrong form.
            throw new PersistenceException(at + " is a " + type.getName() + " without @Temporal: JPA requires"
                    + " @Temporal(TemporalType.DATE, TIME or TIMESTAMP) on java.util.Date and Calendar attributes;"
                    + " add it, or use a java.time type (LocalDate, LocalTime, Instant)");
        }
        if (p.has(Lob.class) && !LOB_TYPES.contains(type)) {
            throw new PersistenceException(at + " is a @Lob of type " + type.getName() + ": Jynamo stores a @Lob"
                    + " String, char[] or Character[] as S and a byte[] or Byte[] as B, but does not serialize other"
                    + " objects (Java serialization is fragile across class versions); add an AttributeConverter"
                    + " to String or byte[] with @Convert");
        }
        if (type.isEnum()) {
            Enumerated enumerated = p.get(Enumerated.class);
            return Codecs.enumCodec(type, enumerated != null && enumerated.value() == EnumType.STRING);
        }
        if (autoConverters.containsKey(Types.box(type))) {
            return converterCodec(autoConverters.get(Types.box(type)), at);
        }
        Codec codec = Codecs.basic(type);
        if (codec == null) {
            throw new PersistenceException(at + " has type " + type.getName() + ", which Jynamo cannot store. "
                    + "Use a String, number, boolean, byte[], UUID, enum, java.time, java.util.Date/Calendar or java.sql date/time"
                    + " type, @Embeddable, List/Set of those,"
                    + " or add an AttributeConverter with @Convert");
        }
        return codec;
    }

    private Codec converterCodec(Class<? extends AttributeConverter<?, ?>> converterClass, String at) {
        Class<?> database = converterTypes(converterClass)[1];
        Codec inner = Codecs.basic(database);
        if (inner == null) {
            throw new PersistenceException(at + ": converter " + converterClass.getName() + " produces "
                    + database.getName() + ", which is not a basic type Jynamo can store");
        }
        try {
            var ctor = converterClass.getDeclaredConstructor();
            ctor.setAccessible(true);
            @SuppressWarnings("unchecked")
            AttributeConverter<Object, Object> converter = (AttributeConverter<Object, Object>) ctor.newInstance();
            return new ConverterCodec(converter, inner);
        } catch (ReflectiveOperationException e) {
            throw new PersistenceException(at + ": cannot instantiate converter " + converterClass.getName()
                    + "; it needs a no-argument constructor", e);
        }
    }

    private static Class<?>[] converterTypes(Class<?> converterClass) {
        for (Class<?> c = converterClass; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType pt && pt.getRawType() == AttributeConverter.class) {
                    return new Class<?>[] {raw(pt.getActualTypeArguments()[0]), raw(pt.getActualTypeArguments()[1])};
                }
            }
        }
        throw new PersistenceException("Converter " + converterClass.getName()
                + " must implement AttributeConverter<X, Y> with concrete type arguments");
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType pt) {
            return (Class<?>) pt.getRawType();
        }
        throw new PersistenceException("Cannot resolve type " + t);
    }

    private static Class<?> elementType(Type generic, String at) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1) {
            return raw(pt.getActualTypeArguments()[0]);
        }
        throw new PersistenceException(at + " is a raw collection; declare its element type, e.g. List<String>");
    }

    private AttributeMeta.EmbeddableMeta embeddable(Class<?> type, String at) {
        if (!type.isAnnotationPresent(Embeddable.class)) {
            throw new PersistenceException(at + " is @Embedded but " + type.getName() + " is not @Embeddable");
        }
        List<AttributeMeta> nested = new ArrayList<>();
        for (Property p : PropertyScanner.properties(type)) {
            nested.add(attribute(p, at + " (embeddable " + type.getSimpleName() + ")"));
        }
        checkUniqueStoredNames(nested, at);
        return new AttributeMeta.EmbeddableMeta(type, type.isRecord() ? null
                : Types.constructor(type, "embeddable " + type.getName()), nested);
    }

    /**
     * A {@code @TimeToLive} attribute as DynamoDB's time to live reads it: a number of epoch seconds.
     * An Instant stored by its own codec is stored so; any other type must already be a number.
     */
    static AttributeMeta timeToLive(AttributeMeta a, String where) {
        if (a.kind() == ValueKind.NUMBER) {
            return a;
        }
        if (a.javaType() != java.time.Instant.class || a.codec() instanceof ConverterCodec) {
            throw new PersistenceException(where + " attribute '" + a.name() + "' is @TimeToLive but stored as "
                    + a.kind() + "; DynamoDB expires items only by a number of epoch seconds: map it as"
                    + " a long, or an Instant without a converter");
        }
        // DynamoDB ignores a TTL attribute that is not a number, so the ISO string of other Instants won't do.
        return new AttributeMeta(a.name(), a.storedName(), a.javaType(), a.elementType(), a.accessor(),
                Codecs.epochSeconds(), a.embeddable(), a.member(), a.role());
    }

    /** Refuses two attributes of one entity or embeddable stored under the same DynamoDB name. */
    static void checkUniqueStoredNames(List<AttributeMeta> attributes, String where) {
        Map<String, String> seen = new HashMap<>();
        for (AttributeMeta a : attributes) {
            String previous = seen.put(a.storedName(), a.name());
            if (previous != null) {
                throw new PersistenceException(where + " maps both '" + previous + "' and '" + a.name()
                        + "' to the DynamoDB attribute '" + a.storedName() + "'; give one another @Column(name)");
            }
        }
    }
}
