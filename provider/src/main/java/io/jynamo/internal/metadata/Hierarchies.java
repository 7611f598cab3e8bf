package io.jynamo.internal.metadata;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entity inheritance. SINGLE_TABLE: the root's table holds the items of all its entities, each with a
 * discriminator attribute naming its class. JOINED has no DynamoDB meaning (there are no joins) and is
 * stored the same way. TABLE_PER_CLASS: every concrete entity has a table of its own; its items carry the
 * discriminator too, so that an item read by a BatchGetItem over several tables, or from the second-level
 * cache, still names its class.
 */
final class Hierarchies {

    /** The default discriminator attribute, as JPA names its column. */
    static final String DEFAULT_COLUMN = "DTYPE";

    private Hierarchies() {
    }

    /**
     * The root entity of a class's hierarchy (the class itself when no entity superclass exists), after
     * checking the strategy the hierarchy declares.
     *
     * @throws PersistenceException for an entity superclass missing from the unit or an @Inheritance below
     *                              the root
     */
    static Class<?> root(Class<?> type, Set<Class<?>> entities) {
        Class<?> root = type;
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (Annotations.has(c, Entity.class)) {
                if (!entities.contains(c)) {
                    throw new PersistenceException("Entity " + type.getName() + " extends entity " + c.getName()
                            + ", which is not a managed class of the unit; list it too");
                }
                root = c;
            }
        }
        if (root != type && Annotations.has(type, Inheritance.class)) {
            throw new PersistenceException("Entity " + type.getName() + " declares @Inheritance, but only the root of "
                    + "a hierarchy may (here " + root.getName() + "); remove it");
        }
        return root;
    }

    /** Whether the root of a hierarchy declares TABLE_PER_CLASS: each concrete entity then has its own table. */
    static boolean tablePerClass(Class<?> root) {
        Inheritance inheritance = Annotations.get(root, Inheritance.class);
        return inheritance != null && inheritance.strategy() == InheritanceType.TABLE_PER_CLASS;
    }

    /** Whether an entity of the unit extends the class. */
    static boolean hasSubclass(Class<?> type, Set<Class<?>> entities) {
        for (Class<?> e : entities) {
            if (e != type && type.isAssignableFrom(e)) {
                return true;
            }
        }
        return false;
    }

    /** Gives every entity of a hierarchy its root, parent and discriminator, and checks them. */
    static void link(List<EntityMeta> entities) {
        Map<Class<?>, EntityMeta> byClass = new HashMap<>();
        for (EntityMeta e : entities) {
            byClass.put(e.javaClass(), e);
        }
        Map<EntityMeta, List<EntityMeta>> members = new LinkedHashMap<>();
        for (EntityMeta e : entities) {
            EntityMeta root = e;
            for (Class<?> c = e.javaClass().getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
                EntityMeta m = byClass.get(c);
                if (m != null) {
                    root = m;
                }
            }
            members.computeIfAbsent(root, r -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<EntityMeta, List<EntityMeta>> h : members.entrySet()) {
            if (h.getValue().size() > 1) {
                link(h.getKey(), h.getValue(), byClass);
            }
        }
    }

    private static void link(EntityMeta root, List<EntityMeta> members, Map<Class<?>, EntityMeta> byClass) {
        DiscriminatorColumn dc = Annotations.get(root.javaClass(), DiscriminatorColumn.class);
        String column = dc == null || dc.name().isEmpty() ? DEFAULT_COLUMN : dc.name();
        DiscriminatorType type = dc == null ? DiscriminatorType.STRING : dc.discriminatorType();
        Map<AttributeValue, EntityMeta> byValue = new LinkedHashMap<>();
        Map<EntityMeta, AttributeValue> values = new HashMap<>();
        boolean perClass = tablePerClass(root.javaClass());
        Map<String, EntityMeta> tables = new HashMap<>();
        for (EntityMeta e : members) {
            String where = "Entity " + e.javaClass().getName();
            EntityMeta sameTable = perClass && !Modifier.isAbstract(e.javaClass().getModifiers())
                    ? tables.put(e.tableName(), e) : null;
            if (sameTable != null) {
                throw new PersistenceException(where + " and " + sameTable.javaClass().getName() + " are both stored in table "
                        + e.tableName() + ", but TABLE_PER_CLASS gives every concrete entity a table of its own; give one"
                        + " another @Table(name)");
            }
            if (!e.partitionKey().storedName().equals(root.partitionKey().storedName())
                    || !Objects.equals(e.sortKey() == null ? null : e.sortKey().storedName(),
                    root.sortKey() == null ? null : root.sortKey().storedName())) {
                throw new PersistenceException(where + " declares its own key; the entities of a hierarchy share the "
                        + "key of its root " + root.javaClass().getName() + " (they share its table): remove the @Id");
            }
            for (AttributeMeta a : e.attributes()) {
                if (a.storedName().equals(column)) {
                    throw new PersistenceException(where + " attribute '" + a.name() + "' is stored as '" + column
                            + "', the hierarchy's discriminator attribute; rename one (@Column(name) or "
                            + "@DiscriminatorColumn(name) on " + root.javaClass().getName() + ")");
                }
            }
            if (Modifier.isAbstract(e.javaClass().getModifiers())) {
                continue;
            }
            AttributeValue value = value(e, type, where);
            EntityMeta other = byValue.put(value, e);
            if (other != null) {
                throw new PersistenceException(where + " and " + other.javaClass().getName() + " have the same "
                        + "discriminator value; give one another @DiscriminatorValue");
            }
            values.put(e, value);
        }
        Map<AttributeValue, EntityMeta> shared = java.util.Collections.unmodifiableMap(byValue);
        for (EntityMeta e : members) {
            EntityMeta parent = null;
            for (Class<?> c = e.javaClass().getSuperclass(); parent == null && c != null; c = c.getSuperclass()) {
                parent = byClass.get(c);
            }
            e.hierarchy(new EntityMeta.Hierarchy(root, parent, column, values.get(e), shared, perClass));
        }
    }

    private static AttributeValue value(EntityMeta e, DiscriminatorType type, String where) {
        DiscriminatorValue dv = Annotations.get(e.javaClass(), DiscriminatorValue.class);
        String text = dv == null ? e.name() : dv.value();
        return switch (type) {
            case STRING -> AttributeValue.fromS(text);
            case CHAR -> {
                if (text.length() != 1) {
                    throw new PersistenceException(where + " has the discriminator value '" + text + "' but the "
                            + "discriminator type is CHAR; declare @DiscriminatorValue with one character");
                }
                yield AttributeValue.fromS(text);
            }
            case INTEGER -> {
                try {
                    yield AttributeValue.fromN(Long.toString(Long.parseLong(text.trim())));
                } catch (NumberFormatException ex) {
                    throw new PersistenceException(where + " has the discriminator value '" + text + "' but the "
                            + "discriminator type is INTEGER; declare @DiscriminatorValue with an integer", ex);
                }
            }
        };
    }
}
