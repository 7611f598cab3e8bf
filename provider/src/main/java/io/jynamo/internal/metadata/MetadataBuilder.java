package io.jynamo.internal.metadata;

import io.jynamo.annotations.Capacity;
import io.jynamo.annotations.TimeToLive;
import io.jynamo.internal.metadata.PropertyScanner.Property;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.metamodel.StaticMetamodel;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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
        CodecResolver codecs = new CodecResolver(classes);
        GeneratorReader generators = new GeneratorReader(tablePrefix, classes);
        Set<Class<?>> idClasses = new HashSet<>();
        for (Class<?> c : classes) {
            IdClass idClass = c.getAnnotation(IdClass.class);
            if (idClass != null) {
                idClasses.add(idClass.value());
            }
        }
        List<EntityMeta> entities = new ArrayList<>();
        for (Class<?> c : classes) {
            if (c.isAnnotationPresent(Entity.class)) {
                entities.add(entity(c, codecs, generators));
            } else if (!c.isAnnotationPresent(Embeddable.class) && !c.isAnnotationPresent(Converter.class)
                    && !c.isAnnotationPresent(MappedSuperclass.class) && !idClasses.contains(c)) {
                // Other providers ignore listed classes that map nothing (generated Foo_ metamodel classes, say).
                boolean metamodel = c.isAnnotationPresent(StaticMetamodel.class);
                LOG.log(metamodel ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        "Ignoring managed class {0}: it is not an @Entity, @Embeddable, @MappedSuperclass, @Converter"
                                + " or @IdClass of an entity", c.getName());
            }
        }
        return new Metadata(entities);
    }

    private EntityMeta entity(Class<?> type, CodecResolver codecs, GeneratorReader generators) {
        String where = "Entity " + type.getName();
        checkMappable(type, where);
        Entity entity = type.getAnnotation(Entity.class);
        String name = entity.name().isEmpty() ? type.getSimpleName() : entity.name();
        Table table = type.getAnnotation(Table.class);
        String tableName = tablePrefix + (table != null && !table.name().isEmpty() ? table.name() : name);

        List<Property> properties = PropertyScanner.properties(type);
        KeyReader.Keys keys = new KeyReader(codecs).keys(type, properties, where);
        List<AttributeMeta> attributes = new ArrayList<>();
        attributes.add(keys.pk());
        if (keys.sk() != null) {
            attributes.add(keys.sk());
        }
        AttributeMeta ttl = null;
        for (Property p : properties) {
            if (p.has(Id.class) || p.has(EmbeddedId.class)) {
                continue;
            }
            AttributeMeta a = codecs.attribute(p, where);
            if (p.has(TimeToLive.class)) {
                a = CodecResolver.timeToLive(a, where);
                ttl = a;
            }
            attributes.add(a);
        }
        CodecResolver.checkUniqueStoredNames(attributes, where);

        List<IndexMeta> indexes = IndexReader.indexes(type, attributes, keys.pk(), keys.sk(), where);
        Capacity capacity = type.getAnnotation(Capacity.class);
        if (capacity != null && (capacity.read() < 1 || capacity.write() < 1)) {
            throw new PersistenceException(where + " @Capacity(read=" + capacity.read() + ", write=" + capacity.write()
                    + ") must be at least 1 each");
        }
        Cacheable cacheable = type.getAnnotation(Cacheable.class);
        IdGeneratorMeta generator = generators.generator(type, name, properties, where);
        return new EntityMeta(type, name, tableName, Types.constructor(type, where), keys.pk(), keys.sk(), keys.idKind(),
                keys.idType(), keys.idMapper(), keys.embeddedId(), attributes, indexes, capacity, ttl, Callbacks.of(type),
                cacheable != null && cacheable.value(), cacheable != null && !cacheable.value(), generator);
    }

    /** Refuses the entity classes Jynamo cannot map: abstract, final, or part of an entity hierarchy. */
    private static void checkMappable(Class<?> type, String where) {
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
    }
}
