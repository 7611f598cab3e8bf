package io.jynamo.internal.metadata;

import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.Codecs;
import io.jynamo.internal.convert.ConverterCodec;
import io.jynamo.internal.metadata.PropertyScanner.Property;
import io.jynamo.jpql.ValueKind;
import io.jynamo.internal.convert.MapForm;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.ElementCollection;
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

    private static final System.Logger LOG = System.getLogger(CodecResolver.class.getName());

    private static final List<Class<? extends Annotation>> RELATIONSHIPS =
            List.of(ManyToOne.class, OneToOne.class, OneToMany.class, ManyToMany.class);

    /** What a {@code @Lob} may be: the types whose ordinary form is already the large object's. */
    private static final java.util.Set<Class<?>> LOB_TYPES =
            java.util.Set.of(String.class, char[].class, Character[].class, byte[].class, Byte[].class);

    private final Map<Class<?>, Class<? extends AttributeConverter<?, ?>>> autoConverters = new HashMap<>();

    /** Notes the {@code @Converter(autoApply = true)} classes among the managed classes. */
    CodecResolver(Collection<Class<?>> classes) {
        for (Class<?> c : classes) {
            Converter converter = Annotations.get(c, Converter.class);
            if (converter != null && converter.autoApply()) {
                @SuppressWarnings("unchecked")
                Class<? extends AttributeConverter<?, ?>> cc = (Class<? extends AttributeConverter<?, ?>>) c;
                autoConverters.put(converterTypes(cc)[0], cc);
            }
        }
    }

    /** The attribute of a property of an entity or embeddable; {@code where} names the owner in errors. */
    AttributeMeta attribute(Property p, String where) {
        return attribute(p, where, Map.of(), Map.of());
    }

    /**
     * The attribute of a property of an entity whose class-level {@code @Convert(attributeName)}s are
     * {@code converts}, by attribute name ({@code "name"}, or {@code "address.street"} inside an embedded one).
     */
    AttributeMeta attribute(Property p, String where, Map<String, Convert> converts) {
        return attribute(p, where, Map.of(), converts);
    }

    /**
     * The attribute of a property; {@code outerOverrides} are the {@code @AttributeOverride}s an enclosing
     * {@code @Embedded} attribute gives the attributes of this one's embeddable (they win over its own), and
     * {@code outerConverts} the {@code @Convert(attributeName)}s of the owner, named relative to it: the one named
     * like this property wins over the property's own {@code @Convert}, dotted ones reach into its embeddable.
     */
    private AttributeMeta attribute(Property p, String where, Map<String, String> outerOverrides,
                                    Map<String, Convert> outerConverts) {
        String at = where + " attribute '" + p.name() + "'";
        Convert outerConvert = outerConverts.get(p.name());
        Map<String, Convert> nestedConverts = within(outerConverts, p.name());
        for (Class<? extends Annotation> rel : RELATIONSHIPS) {
            if (p.has(rel)) {
                if (p.has(Id.class)) {
                    throw new PersistenceException(at + " is an @Id and a @" + rel.getSimpleName() + " (a derived"
                            + " identity), which Jynamo does not map; make the @Id a basic attribute holding the target's"
                            + " key and map the relationship beside it (see docs/relationships.md)");
                }
                // Entities' relationships are Associations; reaching here means one inside an embeddable.
                throw new PersistenceException(at + " is a @" + rel.getSimpleName()
                        + " relationship inside an embeddable or element collection, which Jynamo does not map; move it"
                        + " to the entity, or store the target's key as a basic attribute (see docs/relationships.md)");
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
        // A @Convert naming an attribute inside an embeddable is for that attribute, not this one.
        Convert convert = outerConvert != null ? outerConvert : convertNamed(p, "");
        boolean plural = Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
        // On a collection of embeddables @AttributeOverride renames the elements' attributes; on a map, "key."
        // names rename the key's and "value." (or unprefixed, as the TCK's models and other providers take) the value's.
        Map<String, String> elementOverrides = Map.of();
        Map<String, String> keyOverrides = Map.of();
        if (plural && Annotations.all(p.annotated(), AttributeOverride.class).length > 0) {
            elementOverrides = new java.util.LinkedHashMap<>();
            keyOverrides = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> o : attributeOverrides(p, at).entrySet()) {
                if (Map.class.isAssignableFrom(type) && o.getKey().startsWith("key.")) {
                    keyOverrides.put(o.getKey().substring(4), o.getValue());
                } else {
                    elementOverrides.put(Map.class.isAssignableFrom(type) && o.getKey().startsWith("value.")
                            ? o.getKey().substring(6) : o.getKey(), o.getValue());
                }
            }
        }
        if (plural) {
            // On a collection or map, @Convert converts the elements, keys or values (JPA 3.2 section 11.1.10)
            // unless its converter takes the whole collection, as Jynamo has always allowed.
            Convert whole = convertNamed(p, "");
            convert = whole != null && !whole.disableConversion() && whole.converter() != AttributeConverter.class
                    && converterTypes(whole.converter())[0].isAssignableFrom(type) ? whole : null;
        }
        if (convert != null && !convert.disableConversion() && convert.converter() != AttributeConverter.class) {
            @SuppressWarnings("unchecked")
            Class<? extends AttributeConverter<?, ?>> cc = (Class<? extends AttributeConverter<?, ?>>) convert.converter();
            codec = converterCodec(cc, at);
        } else if (autoConverters.containsKey(Types.box(type)) && (convert == null || !convert.disableConversion())) {
            codec = converterCodec(autoConverters.get(Types.box(type)), at);
        } else if (p.has(Embedded.class) || Annotations.has(type, Embeddable.class)) {
            Map<String, String> overrides = attributeOverrides(p, at);
            overrides.putAll(outerOverrides);
            Map<String, Convert> converts = new java.util.LinkedHashMap<>(nestedConverts);
            for (Convert c : Annotations.all(p.annotated(), Convert.class)) {
                if (!c.attributeName().isEmpty()) {
                    converts.putIfAbsent(c.attributeName(), c); // the enclosing owner's wins (JPA 3.2 section 11.1.10)
                }
            }
            embeddable = embeddable(type, at, overrides, converts);
            codec = embeddedCodec(embeddable);
            role = AttributeMeta.Role.EMBEDDED;
        } else if (Collection.class.isAssignableFrom(type)) {
            if (type != List.class && type != java.util.Set.class && type != Collection.class) {
                throw new PersistenceException(at + " is a " + type.getName()
                        + "; declare collection attributes as List, Set or Collection");
            }
            checkConvertNames(p, at, "");
            Class<?> target = p.has(ElementCollection.class) ? p.get(ElementCollection.class).targetClass() : void.class;
            elementType = target != void.class ? target : typeArguments(p.genericType(), 1, at, "List<String>")[0];
            Codec element = part(elementType, convertNamed(p, ""), p, at + " element", false, elementOverrides);
            codec = Codecs.collection(type, element);
            if (p.has(jakarta.persistence.OrderBy.class) && codec instanceof Codecs.CollectionCodec c) {
                codec = ElementOrder.ordered(c, p.get(jakarta.persistence.OrderBy.class).value(), at);
            }
            role = AttributeMeta.Role.COLLECTION;
        } else if (Map.class.isAssignableFrom(type)) {
            if (!p.has(ElementCollection.class)) {
                // JPA maps a Map only as an element collection (or a relationship); without the annotation
                // it would be a basic attribute of a type no converter handles, which is likely a mistake.
                throw new PersistenceException(at + " is a Map without @ElementCollection; annotate it"
                        + " @ElementCollection to store it as a DynamoDB map (M), or mark it @Transient");
            }
            if (type != Map.class) {
                throw new PersistenceException(at + " is a " + type.getName() + "; declare map attributes as Map");
            }
            checkConvertNames(p, at, "", "key", "value");
            warnOrderByNotApplied(p, at);
            Class<?>[] kv = mapTypes(p, at);
            Codec key = part(kv[0], convertNamed(p, "key"), p, at + " key", true, keyOverrides);
            Convert valueConvert = convertNamed(p, "value");
            Codec value = part(kv[1], valueConvert != null ? valueConvert : convertNamed(p, ""), p, at + " value", false,
                    elementOverrides);
            codec = MapForm.of(key, value);
            elementType = kv[1];
            role = AttributeMeta.Role.COLLECTION;
        } else {
            checkConvertNames(p, at, "");
            codec = basicCodec(type, p, at);
        }
        return new AttributeMeta(p.name(), stored, type, elementType, p.accessor(), codec, embeddable, p.member(), role);
    }

    /**
     * The codec of a collection's element or a map's key or value: the converter {@code convert} names,
     * an embeddable's map, or the basic codec (with auto-applied converters).
     */
    private Codec part(Class<?> type, Convert convert, Property p, String at, boolean key) {
        return part(type, convert, p, at, key, Map.of());
    }

    private Codec part(Class<?> type, Convert convert, Property p, String at, boolean key, Map<String, String> overrides) {
        if (!overrides.isEmpty() && !Annotations.has(type, Embeddable.class)) {
            throw new PersistenceException(at + " is a " + type.getSimpleName() + " but @AttributeOverride names "
                    + overrides.keySet() + "; only the attributes of an embeddable can be renamed");
        }
        if (convert != null && !convert.disableConversion() && convert.converter() != AttributeConverter.class) {
            @SuppressWarnings("unchecked")
            Class<? extends AttributeConverter<?, ?>> cc = (Class<? extends AttributeConverter<?, ?>>) convert.converter();
            return converterCodec(cc, at);
        }
        boolean auto = autoConverters.containsKey(Types.box(type)) && (convert == null || !convert.disableConversion());
        if (auto) {
            return converterCodec(autoConverters.get(Types.box(type)), at);
        }
        if (Annotations.has(type, Embeddable.class)) {
            return embeddedCodec(embeddable(type, at, overrides));
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            throw new PersistenceException(at + " is itself a " + type.getSimpleName() + ": Jynamo does not nest"
                    + " collections; wrap the inner one in an @Embeddable");
        }
        if (key) {
            if (type.isArray()) {
                throw new PersistenceException(at + " is an array (" + type.getSimpleName() + "), which has no value"
                        + " equality as a map key; use String");
            }
            if (type == java.util.Date.class || java.util.Calendar.class.isAssignableFrom(type)) {
                jakarta.persistence.MapKeyTemporal temporal = p.get(jakarta.persistence.MapKeyTemporal.class);
                if (temporal == null) {
                    throw new PersistenceException(at + " is a " + type.getName() + " without @MapKeyTemporal: JPA"
                            + " requires @MapKeyTemporal(TemporalType.DATE, TIME or TIMESTAMP) on java.util.Date and"
                            + " Calendar map keys; add it, or use a java.time type");
                }
                return Codecs.temporal(type, temporal.value());
            }
            if (type.isEnum()) {
                jakarta.persistence.MapKeyEnumerated enumerated = p.get(jakarta.persistence.MapKeyEnumerated.class);
                return Codecs.enumCodec(type, enumerated != null && enumerated.value() == EnumType.STRING);
            }
            Codec codec = Codecs.basic(type);
            if (codec == null) {
                throw new PersistenceException(at + " has type " + type.getName() + ", which Jynamo cannot store"
                        + " as a map key; use a String, number, enum, UUID or java.time type, or add an"
                        + " AttributeConverter with @Convert(attributeName = \"key\")");
            }
            return codec;
        }
        return basicCodec(type, p, at);
    }

    /**
     * The codec of a relationship map's key stored beside the relationship ({@code @MapKeyColumn}): as an
     * element-collection map's key, with {@code @MapKeyEnumerated}, {@code @MapKeyTemporal} and
     * {@code @Convert(attributeName = "key")}.
     */
    Codec mapKey(Class<?> type, Property p, String at) {
        return part(type, convertNamed(p, "key"), p, at, true);
    }

    /** The {@code @Convert} of a property with that {@code attributeName}, or {@code null}. */
    private static Convert convertNamed(Property p, String attributeName) {
        for (Convert c : Annotations.all(p.annotated(), Convert.class)) {
            if (c.attributeName().equals(attributeName)) {
                return c;
            }
        }
        return null;
    }

    /**
     * {@code @OrderBy} on a map element collection is accepted but not applied (a map has no order): said once, at
     * bootstrap, rather than silently ignored.
     */
    private static void warnOrderByNotApplied(Property p, String at) {
        if (p.has(jakarta.persistence.OrderBy.class)) {
            String orderBy = p.get(jakarta.persistence.OrderBy.class).value();
            LOG.log(System.Logger.Level.WARNING, () -> at + " has @OrderBy(\"" + orderBy + "\"), which Jynamo does not"
                    + " apply to a Map: it loads in the order it was stored. Sort its entries in Java");
        }
    }

    private static void checkConvertNames(Property p, String at, String... allowed) {
        for (Convert c : Annotations.all(p.annotated(), Convert.class)) {
            if (!List.of(allowed).contains(c.attributeName())) {
                throw new PersistenceException(at + " has @Convert(attributeName = \"" + c.attributeName() + "\"), but"
                        + " on this attribute Jynamo takes only attributeName " + List.of(allowed).stream()
                        .map(a -> "\"" + a + "\"").toList() + " (\"key\" and \"value\" on a Map); to convert an"
                        + " attribute inside an embeddable element, put @Convert on that attribute in the embeddable");
            }
        }
    }

    /** The {@code @AttributeOverride}s of an {@code @Embedded} attribute, by the (dotted) name they override. */
    private static Map<String, String> attributeOverrides(Property p, String at) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (AttributeOverride o : Annotations.all(p.annotated(), AttributeOverride.class)) {
            if (o.column().name().isEmpty()) {
                throw new PersistenceException(at + " @AttributeOverride(name = \"" + o.name()
                        + "\") gives no column name; set column = @Column(name = \"...\")");
            }
            result.put(o.name(), o.column().name());
        }
        return result;
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
            // JPA 3.2 deprecates @Temporal and Hibernate and EclipseLink store an unannotated Date or Calendar as a
            // TIMESTAMP, which loses nothing: models written for them map here the same way.
            LOG.log(System.Logger.Level.DEBUG, () -> at + " is a " + type.getName() + " without @Temporal: stored as"
                    + " TIMESTAMP");
            return Codecs.temporal(type, jakarta.persistence.TemporalType.TIMESTAMP);
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

    /**
     * A map's key and value types: {@code @MapKeyClass} and {@code @ElementCollection(targetClass)} where given
     * (so a raw {@code Map} works, as JPA allows), else the type arguments.
     */
    private static Class<?>[] mapTypes(Property p, String at) {
        jakarta.persistence.MapKeyClass keyClass = p.get(jakarta.persistence.MapKeyClass.class);
        Class<?> valueClass = p.get(ElementCollection.class).targetClass();
        Class<?> key = keyClass != null && keyClass.value() != void.class ? keyClass.value() : null;
        Class<?> value = valueClass != void.class ? valueClass : null;
        if (key == null || value == null) {
            Class<?>[] declared = typeArguments(p.genericType(), 2, at, "Map<String, Integer>");
            return new Class<?>[] {key != null ? key : declared[0], value != null ? value : declared[1]};
        }
        return new Class<?>[] {key, value};
    }

    private static Class<?>[] typeArguments(Type generic, int count, String at, String example) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments().length == count) {
            Class<?>[] result = new Class<?>[count];
            for (int i = 0; i < count; i++) {
                Type t = pt.getActualTypeArguments()[i];
                if (!(t instanceof Class<?>) && !(t instanceof ParameterizedType)) {
                    throw new PersistenceException(at + " has the type argument " + t + "; declare concrete types, e.g. " + example);
                }
                result[i] = raw(t);
            }
            return result;
        }
        throw new PersistenceException(at + " is a raw collection or map; declare its type arguments, e.g. " + example);
    }

    /**
     * The attributes of an embeddable, renamed by the {@code @AttributeOverride}s of the attribute that embeds
     * it ({@code name} an attribute of the embeddable, or {@code inner.name} one of a nested embeddable).
     */
    /** The entries of {@code named} under {@code prefix.}, named relative to it. */
    private static <V> Map<String, V> within(Map<String, V> named, String prefix) {
        Map<String, V> result = new java.util.LinkedHashMap<>();
        named.forEach((name, v) -> {
            if (name.startsWith(prefix + ".")) {
                result.put(name.substring(prefix.length() + 1), v);
            }
        });
        return result;
    }

    private AttributeMeta.EmbeddableMeta embeddable(Class<?> type, String at, Map<String, String> overrides) {
        return embeddable(type, at, overrides, Map.of());
    }

    private AttributeMeta.EmbeddableMeta embeddable(Class<?> type, String at, Map<String, String> overrides,
                                                    Map<String, Convert> converts) {
        if (!Annotations.has(type, Embeddable.class)) {
            throw new PersistenceException(at + " is @Embedded but " + type.getName() + " is not @Embeddable");
        }
        Map<String, String> remaining = new java.util.LinkedHashMap<>(overrides);
        List<AttributeMeta> nested = new ArrayList<>();
        List<Property> properties = PropertyScanner.properties(type);
        for (Property p : properties) {
            String column = remaining.remove(p.name());
            Map<String, String> inner = new java.util.LinkedHashMap<>();
            for (var it = remaining.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().startsWith(p.name() + ".")) {
                    inner.put(e.getKey().substring(p.name().length() + 1), e.getValue());
                    it.remove();
                }
            }
            if (!inner.isEmpty() && !(p.has(Embedded.class) || Annotations.has(p.type(), Embeddable.class))) {
                throw new PersistenceException(at + " @AttributeOverride names " + inner.keySet().stream()
                        .map(n -> p.name() + "." + n).toList() + ", but '" + p.name() + "' of " + type.getName()
                        + " is not an embeddable");
            }
            Property renamed = column == null ? p : new Property(p.name(), p.type(), p.genericType(), p.annotated(),
                    p.accessor(), p.member(), column);
            nested.add(attribute(renamed, at + " (embeddable " + type.getSimpleName() + ")", inner, converts));
        }
        List<String> names = properties.stream().map(Property::name).toList();
        for (String converted : converts.keySet()) {
            if (!names.contains(converted.split("\\.")[0])) {
                throw new PersistenceException(at + " @Convert(attributeName = \"" + converted + "\") names no"
                        + " attribute of embeddable " + type.getName() + " (its attributes are " + names + ")");
            }
        }
        if (!remaining.isEmpty()) {
            throw new PersistenceException(at + " @AttributeOverride names " + remaining.keySet() + ", which are not"
                    + " attributes of embeddable " + type.getName() + " (its attributes are "
                    + properties.stream().map(Property::name).toList() + ")");
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
