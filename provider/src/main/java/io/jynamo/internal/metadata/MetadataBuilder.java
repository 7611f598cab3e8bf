package io.jynamo.internal.metadata;

import io.jynamo.annotations.Capacity;
import io.jynamo.annotations.TimeToLive;
import io.jynamo.internal.metadata.PropertyScanner.Property;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.metamodel.StaticMetamodel;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the mapping annotations of the managed classes once and builds {@link EntityMeta}s. Every
 * mapping Jynamo cannot honour fails here, naming the class and attribute, never later.
 *
 * <p>It coordinates: {@link PropertyScanner} finds the persistent properties, {@link CodecResolver}
 * makes them attributes, {@link KeyReader} reads the primary key and {@link IndexReader} the indexes.
 */
public final class MetadataBuilder {

    private static final System.Logger LOG = System.getLogger(MetadataBuilder.class.getName());

    private final String tablePrefix;

    public MetadataBuilder(String tablePrefix) {
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
    }

    /** Builds the metadata of every {@code @Entity} among the classes; converters and embeddables are noted. */
    public Metadata build(Collection<Class<?>> classes) {
        return build(classes, MappingSource.NONE);
    }

    /** Builds the metadata of the classes as their annotations and the unit's orm.xml files map them. */
    public Metadata build(Collection<Class<?>> classes, MappingSource mappings) {
        return Annotations.using(mappings, () -> read(classes, mappings));
    }

    private Metadata read(Collection<Class<?>> classes, MappingSource mappings) {
        CodecResolver codecs = new CodecResolver(classes);
        GeneratorReader generators = new GeneratorReader(tablePrefix, classes);
        Set<Class<?>> idClasses = new HashSet<>();
        for (Class<?> c : classes) {
            IdClass idClass = Annotations.get(c, IdClass.class);
            if (idClass != null) {
                idClasses.add(idClass.value());
            }
        }
        Set<Class<?>> entityClasses = new HashSet<>();
        for (Class<?> c : classes) {
            if (Annotations.has(c, Entity.class)) {
                entityClasses.add(c);
            }
        }
        Map<String, Map<String, String>> keySpellings = keySpellings(classes, entityClasses);
        List<EntityMeta> entities = new ArrayList<>();
        for (Class<?> c : classes) {
            if (Annotations.has(c, Entity.class)) {
                entities.add(entity(c, codecs, generators, Hierarchies.root(c, entityClasses), Hierarchies.hasSubclass(c, entityClasses),
                        keySpellings));
            } else if (!Annotations.has(c, Embeddable.class) && !Annotations.has(c, Converter.class)
                    && !Annotations.has(c, MappedSuperclass.class) && !idClasses.contains(c)) {
                // Other providers ignore listed classes that map nothing (generated Foo_ metamodel classes, say).
                boolean metamodel = Annotations.has(c, StaticMetamodel.class);
                LOG.log(metamodel ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        "Ignoring managed class {0}: it is not an @Entity, @Embeddable, @MappedSuperclass, @Converter"
                                + " or @IdClass of an entity", c.getName());
            }
        }
        Hierarchies.link(entities);
        warnOfSharedTables(entities);
        List<EntityMeta> links = Associations.link(entities, tablePrefix);
        return new Metadata(entities, links, mappings);
    }

    /**
     * Entities may name one table (single-table design), but a DynamoDB table has one key schema and its attribute
     * names are case-sensitive: of entities that store different key attributes there, one cannot be written.
     * A warning, not a failure: a unit may list such an entity without ever writing it (SQL models that spell one
     * column "ID" and "id" do, since SQL names are case-insensitive).
     */
    private static void warnOfSharedTables(List<EntityMeta> entities) {
        Map<String, EntityMeta> byTable = new HashMap<>();
        for (EntityMeta e : entities) {
            if (!e.ownsTable()) {
                continue;
            }
            EntityMeta first = byTable.putIfAbsent(e.tableName(), e);
            if (first != null && !keySchema(first).equals(keySchema(e))) {
                LOG.log(System.Logger.Level.WARNING, "Entities " + first.javaClass().getName() + " and "
                        + e.javaClass().getName() + " are both stored in table " + e.tableName() + " with different keys ("
                        + keySchema(first) + " and " + keySchema(e) + "), but a DynamoDB table has one key schema and "
                        + "attribute names are case-sensitive, so DynamoDB will refuse the writes of one of them: give "
                        + "both the same key attribute names and types (@Column(name) on the @Id), or give one another "
                        + "@Table(name)");
            }
        }
    }

    private static String keySchema(EntityMeta e) {
        AttributeMeta pk = e.partitionKey();
        AttributeMeta sk = e.sortKey();
        return "partition key '" + pk.storedName() + "' " + pk.kind()
                + (sk == null ? "" : ", sort key '" + sk.storedName() + "' " + sk.kind());
    }

    /**
     * How each table spells its key attributes, by their lower-case names: entities of SQL models that share a table
     * may spell one key column {@code ID} and {@code id} (SQL names are case-insensitive), but a DynamoDB table has one
     * key schema with case-sensitive names. A spelling a {@code @Column(name)} declares wins over a Java name.
     */
    private Map<String, Map<String, String>> keySpellings(Collection<Class<?>> classes, Set<Class<?>> entityClasses) {
        Map<String, Map<String, String>> declared = new HashMap<>();
        Map<String, Map<String, String>> result = new HashMap<>();
        for (Class<?> c : classes) {
            if (!entityClasses.contains(c) || Hierarchies.root(c, entityClasses) != c) {
                continue; // the entities of a hierarchy have its root's key
            }
            String table = tableName(c, c);
            for (Property p : PropertyScanner.properties(c)) {
                if (p.has(Id.class) && !KeyReader.toOne(p)) {
                    String stored = p.storedName();
                    String lower = stored.toLowerCase(java.util.Locale.ROOT);
                    result.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(lower, stored);
                    if (!stored.equals(p.name())) {
                        declared.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(lower, stored);
                    }
                }
            }
        }
        declared.forEach((table, spellings) -> result.get(table).putAll(spellings));
        return result;
    }

    /** A key property spelt as its table spells that key attribute (see {@link #keySpellings}). */
    private static Property spelt(Property p, Map<String, String> spellings) {
        if (spellings == null || !p.has(Id.class) || KeyReader.toOne(p)) {
            return p;
        }
        String stored = p.storedName();
        String spelling = spellings.getOrDefault(stored.toLowerCase(java.util.Locale.ROOT), stored);
        return spelling.equals(stored) ? p
                : new Property(p.name(), p.type(), p.genericType(), p.annotated(), p.accessor(), p.member(), spelling);
    }

    private String tableName(Class<?> type, Class<?> root) {
        // TABLE_PER_CLASS: each entity is named as if it had no hierarchy (an abstract one's table is never made).
        Class<?> tableClass = Hierarchies.tablePerClass(root) ? type : root;
        Table table = Annotations.get(tableClass, Table.class);
        return tablePrefix + (table != null && !table.name().isEmpty() ? table.name() : entityName(tableClass));
    }

    static String entityName(Class<?> type) {
        Entity entity = Annotations.get(type, Entity.class);
        return entity.name().isEmpty() ? type.getSimpleName() : entity.name();
    }

    /**
     * One entity. The entities of a hierarchy share their root's keys and indexes, and its table (but
     * TABLE_PER_CLASS, where each concrete entity has its own);
     * an abstract entity is mapped only as the superclass of concrete ones.
     */
    private EntityMeta entity(Class<?> type, CodecResolver codecs, GeneratorReader generators, Class<?> root,
                              boolean hasSubclass, Map<String, Map<String, String>> keySpellings) {
        String where = "Entity " + type.getName();
        checkMappable(type, where, hasSubclass);
        String name = entityName(type);
        String tableName = tableName(type, root);

        Map<String, String> spellings = keySpellings.get(tableName(root, root));
        List<Property> properties = PropertyScanner.properties(type).stream().map(p -> spelt(p, spellings)).toList();
        if (root != type) {
            for (Property p : properties) {
                Class<?> declaring = p.member().getDeclaringClass();
                if ((p.has(Id.class) || p.has(EmbeddedId.class)) && declaring != root && root.isAssignableFrom(declaring)) {
                    throw new PersistenceException(where + " declares its own key '" + p.name() + "' in "
                            + declaring.getName() + "; the entities of a hierarchy share the key of its root "
                            + root.getName() + " (they share its table): remove the @Id");
                }
            }
        }
        KeyReader.Keys keys = new KeyReader(codecs).keys(type, properties, where);
        List<AttributeMeta> attributes = new ArrayList<>();
        attributes.add(keys.pk());
        if (keys.sk() != null) {
            attributes.add(keys.sk());
        }
        if (keys.sk() != null && keys.sk().accessor().composite() != null) {
            attributes.addAll(keys.keyParts().subList(1, keys.keyParts().size()));
        }
        AttributeMeta ttl = null;
        List<AssociationMeta> associations = new ArrayList<>();
        Map<String, Convert> classConverts = classConverts(type, properties, where);
        for (Property p : properties) {
            if ((p.has(Id.class) || p.has(EmbeddedId.class)) && !KeyReader.toOne(p)) {
                continue; // a key attribute; an @Id relationship is both (a derived identity)
            }
            AssociationMeta association = Associations.read(p, where, codecs);
            if (association != null) {
                associations.add(association);
                continue;
            }
            AttributeMeta a = codecs.attribute(p, where, classConverts);
            if (p.has(TimeToLive.class)) {
                a = CodecResolver.timeToLive(a, where);
                ttl = a;
            }
            attributes.add(a);
        }
        CodecResolver.checkUniqueStoredNames(attributes, where);

        List<IndexMeta> indexes = IndexReader.indexes(root, attributes, keys.pk(), keys.sk(), where);
        Capacity capacity = Annotations.get(root, Capacity.class);
        if (capacity != null && (capacity.read() < 1 || capacity.write() < 1)) {
            throw new PersistenceException(where + " @Capacity(read=" + capacity.read() + ", write=" + capacity.write()
                    + ") must be at least 1 each");
        }
        Cacheable cacheable = Annotations.get(type, Cacheable.class);
        boolean isAbstract = Modifier.isAbstract(type.getModifiers());
        // The entities of a hierarchy share their root's key, so they draw ids from its generator: two counters
        // would hand a Car and a Truck the same id (one item in SINGLE_TABLE, a clash across TABLE_PER_CLASS tables).
        IdGeneratorMeta generator = generators.generator(root, entityName(root), properties, where);
        EntityMeta meta = new EntityMeta(type, name, tableName, isAbstract ? null : Types.constructor(type, where), keys.pk(), keys.sk(), keys.idKind(),
                keys.idType(), keys.idMapper(), keys.embeddedId(), keys.keyParts(), attributes, indexes, capacity, ttl, Callbacks.of(type),
                cacheable != null && cacheable.value(), cacheable != null && !cacheable.value(), generator);
        meta.associations(associations);
        return meta;
    }

    /** Refuses the entity classes Jynamo cannot map: interfaces, final, or abstract without entity subclasses. */
    /**
     * The {@code @Convert(attributeName)}s of an entity class and its superclasses (the nearest wins), which
     * convert attributes it inherits from mapped superclasses or declares inside embeddables (JPA 3.2 section 11.1.10).
     */
    private static Map<String, Convert> classConverts(Class<?> type, List<Property> properties, String where) {
        Map<String, Convert> result = new java.util.LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Convert convert : Annotations.all(c, Convert.class)) {
                if (convert.attributeName().isEmpty()) {
                    throw new PersistenceException(where + ": @Convert on class " + c.getName() + " needs the"
                            + " attributeName of the attribute it converts");
                }
                result.putIfAbsent(convert.attributeName(), convert);
            }
        }
        List<String> names = properties.stream().map(Property::name).toList();
        for (String name : result.keySet()) {
            if (!names.contains(name.split("\\.")[0])) {
                throw new PersistenceException(where + ": @Convert(attributeName = \"" + name + "\") on the class names no"
                        + " attribute of it (its attributes are " + names + ")");
            }
        }
        return result;
    }

    private static void checkMappable(Class<?> type, String where, boolean hasSubclass) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) && !hasSubclass) {
            throw new PersistenceException(where + " is abstract and no entity of the unit extends it; Jynamo maps "
                    + "abstract entities only as superclasses of concrete ones (make it concrete, or list its subclasses)");
        }
        if (Modifier.isFinal(type.getModifiers())) {
            throw new PersistenceException(where + " is final; JPA entities must not be final");
        }
    }
}
