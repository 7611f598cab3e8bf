package io.jynamo.internal.metadata;

import io.jynamo.annotations.Capacity;
import io.jynamo.annotations.LocalIndex;
import io.jynamo.annotations.SortKey;
import io.jynamo.annotations.TimeToLive;
import io.jynamo.internal.convert.Codec;
import io.jynamo.internal.convert.Codecs;
import io.jynamo.internal.convert.ConverterCodec;
import io.jynamo.jpql.ValueKind;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the mapping annotations of the managed classes once and builds {@link EntityMeta}s. Every
 * mapping Jynamo cannot honour fails here, naming the class and attribute, never later.
 */
public final class MetadataBuilder {

    private static final List<Class<? extends Annotation>> RELATIONSHIPS =
            List.of(ManyToOne.class, OneToOne.class, OneToMany.class, ManyToMany.class);

    private final String tablePrefix;
    private final Map<Class<?>, Class<? extends AttributeConverter<?, ?>>> autoConverters = new HashMap<>();

    public MetadataBuilder(String tablePrefix) {
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
    }

    /** Builds the metadata of every {@code @Entity} among the classes; converters and embeddables are noted. */
    public Metadata build(Collection<Class<?>> classes) {
        for (Class<?> c : classes) {
            Converter converter = c.getAnnotation(Converter.class);
            if (converter != null && converter.autoApply()) {
                @SuppressWarnings("unchecked")
                Class<? extends AttributeConverter<?, ?>> cc = (Class<? extends AttributeConverter<?, ?>>) c;
                autoConverters.put(converterTypes(cc)[0], cc);
            }
        }
        java.util.Set<Class<?>> idClasses = new java.util.HashSet<>();
        for (Class<?> c : classes) {
            IdClass idClass = c.getAnnotation(IdClass.class);
            if (idClass != null) {
                idClasses.add(idClass.value());
            }
        }
        List<EntityMeta> entities = new ArrayList<>();
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(Entity.class)) {
                entities.add(entity(c));
            } else if (!c.isAnnotationPresent(Embeddable.class) && !c.isAnnotationPresent(Converter.class)
                    && !c.isAnnotationPresent(MappedSuperclass.class) && !idClasses.contains(c)) {
                throw new PersistenceException("Managed class " + c.getName()
                        + " is not an @Entity, @Embeddable, @MappedSuperclass, @Converter or @IdClass of an entity");
            }
        }
        return new Metadata(entities);
    }

    private EntityMeta entity(Class<?> type) {
        String where = "Entity " + type.getName();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new PersistenceException(where + " is abstract; Jynamo maps concrete classes");
        }
        if (Modifier.isFinal(type.getModifiers())) {
            throw new PersistenceException(where + " is final; JPA entities must not be final");
        }
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                throw new PersistenceException(where + " extends entity " + c.getName()
                        + ": entity inheritance is not supported yet; use a @MappedSuperclass");
            }
        }
        if (type.isAnnotationPresent(Inheritance.class)) {
            throw new PersistenceException(where + " declares @Inheritance: entity inheritance is not supported yet");
        }
        Entity entity = type.getAnnotation(Entity.class);
        String name = entity.name().isEmpty() ? type.getSimpleName() : entity.name();
        Table table = type.getAnnotation(Table.class);
        String tableName = tablePrefix + (table != null && !table.name().isEmpty() ? table.name() : name);
        AccessType access = accessType(type);

        List<Property> properties = properties(type, access);
        List<AttributeMeta> attributes = new ArrayList<>();
        List<Property> ids = new ArrayList<>();
        Property embeddedIdProperty = null;
        for (Property p : properties) {
            if (p.has(Id.class)) {
                ids.add(p);
            } else if (p.has(EmbeddedId.class)) {
                embeddedIdProperty = p;
            }
        }
        AttributeMeta pk;
        AttributeMeta sk = null;
        EntityMeta.IdKind idKind;
        Class<?> idType;
        EntityMeta.IdMapper idMapper;
        AttributeMeta embeddedId = null;
        IdClass idClass = type.getAnnotation(IdClass.class);
        if (embeddedIdProperty != null) {
            if (!ids.isEmpty()) {
                throw new PersistenceException(where + " has both @EmbeddedId and @Id; use one");
            }
            idKind = EntityMeta.IdKind.EMBEDDED_ID;
            idType = embeddedIdProperty.type();
            List<Property> parts = properties(idType, accessType(idType));
            Property[] keys = splitKeys(parts, where + " @EmbeddedId " + idType.getName());
            MethodHandle idCtor = constructor(idType, "embeddable " + idType.getName());
            Accessor outer = embeddedIdProperty.accessor();
            pk = keyAttribute(keys[0], AttributeMeta.Role.PARTITION_KEY, chain(outer, keys[0].accessor(), idCtor), where);
            sk = keys[1] == null ? null : keyAttribute(keys[1], AttributeMeta.Role.SORT_KEY,
                    chain(outer, keys[1].accessor(), idCtor), where);
            embeddedId = new AttributeMeta(embeddedIdProperty.name(), embeddedIdProperty.name(), idType, null,
                    outer, null, null, embeddedIdProperty.member(), AttributeMeta.Role.EMBEDDED);
            AttributeMeta fpk = pk;
            AttributeMeta fsk = sk;
            AttributeMeta innerPk = keyAttribute(keys[0], AttributeMeta.Role.PARTITION_KEY, keys[0].accessor(), where);
            AttributeMeta innerSk = keys[1] == null ? null
                    : keyAttribute(keys[1], AttributeMeta.Role.SORT_KEY, keys[1].accessor(), where);
            idMapper = new EntityMeta.IdMapper() {
                public Map<String, AttributeValue> key(Object id) {
                    return keyFromParts(innerPk, innerSk, id, where);
                }

                public Object idOf(Object e) {
                    return outer.get(e);
                }

                public Object idOfKey(Map<String, AttributeValue> key) {
                    Object id = invoke(idCtor, idType);
                    innerPk.read(id, key.get(innerPk.storedName()));
                    if (innerSk != null) {
                        innerSk.read(id, key.get(innerSk.storedName()));
                    }
                    return id;
                }

                public void setId(Object e, Object id) {
                    outer.set(e, id);
                }
            };
            attributes.add(pk);
            if (sk != null) {
                attributes.add(sk);
            }
        } else {
            if (ids.isEmpty()) {
                throw new PersistenceException(where + " has no @Id attribute; mark its partition key with @Id");
            }
            Property[] keys = splitKeys(ids, where);
            pk = keyAttribute(keys[0], AttributeMeta.Role.PARTITION_KEY, keys[0].accessor(), where);
            sk = keys[1] == null ? null : keyAttribute(keys[1], AttributeMeta.Role.SORT_KEY, keys[1].accessor(), where);
            attributes.add(pk);
            if (sk != null) {
                attributes.add(sk);
            }
            if (sk == null) {
                if (idClass != null) {
                    throw new PersistenceException(where + " declares @IdClass but has a single @Id; "
                            + "remove @IdClass or add the @SortKey @Id attribute");
                }
                idKind = EntityMeta.IdKind.SIMPLE;
                idType = Types.box(pk.javaType());
                AttributeMeta fpk = pk;
                idMapper = new EntityMeta.IdMapper() {
                    public Map<String, AttributeValue> key(Object id) {
                        return Map.of(fpk.storedName(), fpk.codec().write(id));
                    }

                    public Object idOf(Object e) {
                        return fpk.accessor().get(e);
                    }

                    public Object idOfKey(Map<String, AttributeValue> key) {
                        return fpk.codec().read(key.get(fpk.storedName()));
                    }

                    public void setId(Object e, Object id) {
                        fpk.accessor().set(e, id);
                    }
                };
            } else {
                if (idClass == null) {
                    throw new PersistenceException(where + " has a composite key (two @Id attributes) but no @IdClass;"
                            + " declare @IdClass(" + type.getSimpleName() + "Id.class) with fields '"
                            + pk.name() + "' and '" + sk.name() + "'");
                }
                idKind = EntityMeta.IdKind.ID_CLASS;
                idType = idClass.value();
                String idWhere = where + " @IdClass " + idType.getName();
                AttributeMeta idPk = idClassPart(idType, pk, idWhere);
                AttributeMeta idSk = idClassPart(idType, sk, idWhere);
                MethodHandle idCtor = constructor(idType, "id class " + idType.getName());
                AttributeMeta fpk = pk;
                AttributeMeta fsk = sk;
                idMapper = new EntityMeta.IdMapper() {
                    public Map<String, AttributeValue> key(Object id) {
                        return keyFromParts(idPk, idSk, id, where);
                    }

                    public Object idOf(Object e) {
                        Object id = invoke(idCtor, idType);
                        idPk.accessor().set(id, fpk.accessor().get(e));
                        idSk.accessor().set(id, fsk.accessor().get(e));
                        return id;
                    }

                    public Object idOfKey(Map<String, AttributeValue> key) {
                        Object id = invoke(idCtor, idType);
                        idPk.read(id, key.get(idPk.storedName()));
                        idSk.read(id, key.get(idSk.storedName()));
                        return id;
                    }

                    public void setId(Object e, Object id) {
                        fpk.accessor().set(e, idPk.accessor().get(id));
                        fsk.accessor().set(e, idSk.accessor().get(id));
                    }
                };
            }
        }

        AttributeMeta ttl = null;
        for (Property p : properties) {
            if (p.has(Id.class) || p.has(EmbeddedId.class)) {
                continue;
            }
            AttributeMeta a = attribute(p, where);
            if (p.has(TimeToLive.class)) {
                if (a.kind() != ValueKind.NUMBER) {
                    if (a.javaType() != java.time.Instant.class || a.codec() instanceof ConverterCodec) {
                        throw new PersistenceException(where + " attribute '" + a.name() + "' is @TimeToLive but stored as "
                                + a.kind() + "; DynamoDB expires items only by a number of epoch seconds: map it as"
                                + " a long, or an Instant without a converter");
                    }
                    // DynamoDB ignores a TTL attribute that is not a number, so the ISO string of other Instants won't do.
                    a = new AttributeMeta(a.name(), a.storedName(), a.javaType(), a.elementType(), a.accessor(),
                            Codecs.epochSeconds(), a.embeddable(), a.member(), a.role());
                }
                ttl = a;
            }
            attributes.add(a);
        }
        checkUniqueStoredNames(attributes, where);

        List<IndexMeta> indexes = new ArrayList<>();
        if (table != null) {
            for (Index index : table.indexes()) {
                String[] columns = index.columnList().split(",");
                if (index.name().isEmpty() || columns.length < 1 || columns.length > 2) {
                    throw new PersistenceException(where + " @Index(name=\"" + index.name() + "\", columnList=\""
                            + index.columnList() + "\") must have a name and one or two columns: partition key[, sort key]");
                }
                AttributeMeta ipk = indexKey(attributes, columns[0].trim(), where, index.name());
                AttributeMeta isk = columns.length == 2 ? indexKey(attributes, columns[1].trim(), where, index.name()) : null;
                indexes.add(new IndexMeta(index.name(), ipk, isk, true));
            }
        }
        for (LocalIndex li : type.getAnnotationsByType(LocalIndex.class)) {
            if (sk == null) {
                throw new PersistenceException(where + " @LocalIndex(\"" + li.name()
                        + "\") needs a table with a sort key: local indexes share the partition key and replace the sort key");
            }
            indexes.add(new IndexMeta(li.name(), pk, indexKey(attributes, li.sortKey(), where, li.name()), false));
        }
        Capacity capacity = type.getAnnotation(Capacity.class);
        if (capacity != null && (capacity.read() < 1 || capacity.write() < 1)) {
            throw new PersistenceException(where + " @Capacity(read=" + capacity.read() + ", write=" + capacity.write()
                    + ") must be at least 1 each");
        }
        Cacheable cacheable = type.getAnnotation(Cacheable.class);
        return new EntityMeta(type, name, tableName, constructor(type, where), pk, sk, idKind, idType, idMapper,
                embeddedId, attributes, indexes, capacity, ttl, Callbacks.of(type), cacheable != null && cacheable.value(),
                cacheable != null && !cacheable.value());
    }

    private static void checkUniqueStoredNames(List<AttributeMeta> attributes, String where) {
        Map<String, String> seen = new HashMap<>();
        for (AttributeMeta a : attributes) {
            String previous = seen.put(a.storedName(), a.name());
            if (previous != null) {
                throw new PersistenceException(where + " maps both '" + previous + "' and '" + a.name()
                        + "' to the DynamoDB attribute '" + a.storedName() + "'; give one another @Column(name)");
            }
        }
    }

    private static Map<String, AttributeValue> keyFromParts(AttributeMeta pk, AttributeMeta sk, Object id, String where) {
        AttributeValue p = pk.write(id);
        AttributeValue s = sk == null ? null : sk.write(id);
        if (p == null || sk != null && s == null) {
            throw new IllegalArgumentException(where + ": primary key " + id + " has a null part");
        }
        return sk == null ? Map.of(pk.storedName(), p) : Map.of(pk.storedName(), p, sk.storedName(), s);
    }

    private static Object invoke(MethodHandle ctor, Class<?> type) {
        try {
            return ctor.invoke();
        } catch (Throwable e) {
            throw new PersistenceException("Cannot instantiate " + type.getName(), e);
        }
    }

    private static AttributeMeta indexKey(List<AttributeMeta> attributes, String column, String where, String index) {
        for (AttributeMeta a : attributes) {
            if (a.storedName().equals(column) || a.name().equals(column)) {
                if (a.kind() != ValueKind.STRING && a.kind() != ValueKind.NUMBER && a.kind() != ValueKind.BINARY) {
                    throw new PersistenceException(where + " index '" + index + "' key '" + column
                            + "' is stored as " + a.kind() + "; index keys must be strings, numbers or binary");
                }
                return a;
            }
        }
        throw new PersistenceException(where + " index '" + index + "' names '" + column
                + "', which is not an attribute; known: " + attributes.stream().map(AttributeMeta::name).toList());
    }

    private AttributeMeta idClassPart(Class<?> idType, AttributeMeta entityKey, String where) {
        for (Property p : properties(idType, accessType(idType))) {
            if (p.name().equals(entityKey.name())) {
                if (Types.box(p.type()) != entityKey.boxedType()) {
                    throw new PersistenceException(where + " attribute '" + p.name() + "' is a " + p.type().getName()
                            + " but the entity's @Id is a " + entityKey.javaType().getName());
                }
                return new AttributeMeta(p.name(), entityKey.storedName(), p.type(), null, p.accessor(),
                        entityKey.codec(), null, p.member(), entityKey.role());
            }
        }
        throw new PersistenceException(where + " has no attribute '" + entityKey.name()
                + "' matching the entity's @Id attribute");
    }

    private static Property[] splitKeys(List<Property> ids, String where) {
        if (ids.size() == 1) {
            return new Property[] {ids.get(0), null};
        }
        if (ids.size() > 2) {
            throw new PersistenceException(where + " has " + ids.size() + " key attributes " + names(ids)
                    + "; DynamoDB keys have a partition key and at most one sort key");
        }
        boolean first = ids.get(0).has(SortKey.class);
        boolean second = ids.get(1).has(SortKey.class);
        if (first == second) {
            throw new PersistenceException(where + " has two key attributes " + names(ids)
                    + "; mark exactly one of them @SortKey (the other is the partition key)");
        }
        return first ? new Property[] {ids.get(1), ids.get(0)} : new Property[] {ids.get(0), ids.get(1)};
    }

    private static List<String> names(List<Property> ps) {
        return ps.stream().map(Property::name).toList();
    }

    private AttributeMeta keyAttribute(Property p, AttributeMeta.Role role, Accessor accessor, String where) {
        AttributeMeta a = attribute(p, where);
        if (a.kind() != ValueKind.STRING && a.kind() != ValueKind.NUMBER && a.kind() != ValueKind.BINARY) {
            throw new PersistenceException(where + " key attribute '" + p.name() + "' of type " + p.type().getName()
                    + " is stored as " + a.kind() + "; DynamoDB keys must be strings, numbers or binary");
        }
        GeneratedValue generated = p.get(GeneratedValue.class);
        if (generated != null) {
            if (role != AttributeMeta.Role.PARTITION_KEY || !(p.type() == UUID.class || p.type() == String.class)
                    || generated.strategy() != GenerationType.UUID && generated.strategy() != GenerationType.AUTO) {
                throw new PersistenceException(where + " attribute '" + p.name() + "': @GeneratedValue(strategy="
                        + generated.strategy() + ") is not supported; DynamoDB has no sequences or identity columns. "
                        + "Use @GeneratedValue(strategy = GenerationType.UUID) on a UUID or String partition key");
            }
            role = AttributeMeta.Role.GENERATED_UUID;
        }
        return new AttributeMeta(a.name(), a.storedName(), a.javaType(), null, accessor, a.codec(), null, a.member(), role);
    }

    private AttributeMeta attribute(Property p, String where) {
        String at = where + " attribute '" + p.name() + "'";
        for (Class<? extends Annotation> rel : RELATIONSHIPS) {
            if (p.has(rel)) {
                throw new PersistenceException(at + " is a @" + rel.getSimpleName()
                        + " relationship: relationships are not supported yet; store the target's key as a basic attribute");
            }
        }
        Column column = p.get(Column.class);
        String stored = column != null && !column.name().isEmpty() ? column.name() : p.name();
        AttributeMeta.Role role = AttributeMeta.Role.BASIC;
        Class<?> type = p.type();
        Class<?> elementType = null;
        AttributeMeta.EmbeddableMeta embeddable = null;
        Codec codec;
        if (p.has(Version.class)) {
            Class<?> boxed = Types.box(type);
            if (boxed != Integer.class && boxed != Long.class && boxed != Short.class) {
                throw new PersistenceException(at + " is @Version but a " + type.getName()
                        + "; use int, long or short (or their wrappers)");
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
            EmbeddedCodec ec = new EmbeddedCodec();
            ec.init(embeddable);
            codec = ec;
            role = AttributeMeta.Role.EMBEDDED;
        } else if (Collection.class.isAssignableFrom(type)) {
            if (type != java.util.List.class && type != java.util.Set.class && type != Collection.class) {
                throw new PersistenceException(at + " is a " + type.getName()
                        + "; declare collection attributes as List, Set or Collection");
            }
            elementType = elementType(p.genericType(), at);
            Codec element = basicCodec(elementType, p, at + " element");
            codec = Codecs.collection(type, element);
            role = AttributeMeta.Role.COLLECTION;
        } else if (Map.class.isAssignableFrom(type)) {
            throw new PersistenceException(at + " is a Map: map attributes are not supported yet; use an @Embeddable");
        } else {
            codec = basicCodec(type, p, at);
        }
        return new AttributeMeta(p.name(), stored, type, elementType, p.accessor(), codec, embeddable, p.member(), role);
    }

    private Codec basicCodec(Class<?> type, Property p, String at) {
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
                    + "Use a String, number, boolean, byte[], UUID, enum, java.time type, @Embeddable, List/Set of those,"
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
        for (Property p : properties(type, accessType(type))) {
            nested.add(attribute(p, at + " (embeddable " + type.getSimpleName() + ")"));
        }
        checkUniqueStoredNames(nested, at);
        return new AttributeMeta.EmbeddableMeta(type, constructor(type, "embeddable " + type.getName()), nested);
    }

    private static Accessor chain(Accessor outer, Accessor inner, MethodHandle outerCtor) {
        return Accessor.chain(outer, inner, () -> invoke(outerCtor, Object.class));
    }

    private static MethodHandle constructor(Class<?> type, String what) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.findConstructor(type, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new PersistenceException(what + " needs a no-argument constructor (public or protected)", e);
        } catch (IllegalAccessException e) {
            throw new PersistenceException("Cannot access the constructor of " + what, e);
        }
    }

    private static AccessType accessType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Access access = c.getAnnotation(Access.class);
            if (access != null) {
                return access.value();
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class)) {
                    return AccessType.FIELD;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Id.class) || m.isAnnotationPresent(EmbeddedId.class)) {
                    return AccessType.PROPERTY;
                }
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && f.getAnnotations().length > 0) {
                return AccessType.FIELD;
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().startsWith("get") && m.getAnnotations().length > 0) {
                return AccessType.PROPERTY;
            }
        }
        return AccessType.FIELD;
    }

    /** The persistent fields or properties of a class and its mapped superclasses, superclasses first. */
    private static List<Property> properties(Class<?> type, AccessType access) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == type || c.isAnnotationPresent(MappedSuperclass.class)) {
                hierarchy.add(0, c);
            }
        }
        Map<String, Property> result = new LinkedHashMap<>();
        for (Class<?> c : hierarchy) {
            if (access == AccessType.FIELD) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                            || f.isAnnotationPresent(Transient.class)) {
                        continue;
                    }
                    if (Modifier.isFinal(mod)) {
                        throw new PersistenceException("Field " + c.getName() + "." + f.getName()
                                + " is final; persistent fields must not be final (or mark it @Transient)");
                    }
                    result.put(f.getName(), new Property(f.getName(), f.getType(), f.getGenericType(), f,
                            Accessor.field(f), f));
                }
            } else {
                for (Method m : c.getDeclaredMethods()) {
                    String n = propertyName(m);
                    if (n == null || Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()
                            || m.isAnnotationPresent(Transient.class)) {
                        continue;
                    }
                    Method setter;
                    try {
                        setter = c.getDeclaredMethod("set" + Character.toUpperCase(n.charAt(0)) + n.substring(1), m.getReturnType());
                    } catch (NoSuchMethodException e) {
                        throw new PersistenceException("Property " + c.getName() + "." + n + " has a getter "
                                + m.getName() + "() but no setter; add one or mark the getter @Transient");
                    }
                    result.put(n, new Property(n, m.getReturnType(), m.getGenericReturnType(), m,
                            Accessor.property(m, setter), m));
                }
            }
        }
        return new ArrayList<>(result.values());
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
            return null;
        }
        String n = m.getName();
        String rest;
        if (n.startsWith("get") && n.length() > 3) {
            rest = n.substring(3);
        } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            rest = n.substring(2);
        } else {
            return null;
        }
        return rest.length() > 1 && Character.isUpperCase(rest.charAt(1))
                ? rest : rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    }

    /** A field or a getter/setter pair, before it becomes an attribute. */
    private record Property(String name, Class<?> type, Type genericType, AnnotatedElement annotated,
                            Accessor accessor, Member member) {
        boolean has(Class<? extends Annotation> a) {
            return annotated.isAnnotationPresent(a);
        }

        <A extends Annotation> A get(Class<A> a) {
            return annotated.getAnnotation(a);
        }
    }
}
