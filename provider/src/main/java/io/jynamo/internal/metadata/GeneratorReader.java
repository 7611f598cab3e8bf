package io.jynamo.internal.metadata;

import io.jynamo.internal.metadata.PropertyScanner.Property;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.SequenceGenerators;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.TableGenerators;

import java.lang.reflect.AnnotatedElement;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads numeric {@code @GeneratedValue} ids and the {@code @SequenceGenerator}/{@code @TableGenerator} they name.
 * Every strategy (AUTO, SEQUENCE, TABLE, IDENTITY) is served by one kind of generator: a counter item in the
 * unit's generator table, advanced a block of {@code allocationSize} ids at a time.
 */
final class GeneratorReader {

    private static final System.Logger LOG = System.getLogger(GeneratorReader.class.getName());

    private static final Set<Class<?>> NUMERIC_IDS = Set.of(int.class, long.class, Integer.class, Long.class, BigInteger.class);

    /** A generator declaration, found by name anywhere in the unit. */
    private record Declaration(String key, long first, int allocationSize, String where) {
    }

    private final String table;
    /** Declarations with a name, unit-wide, as JPA scopes generator names. */
    private final Map<String, Declaration> named = new LinkedHashMap<>();
    /** The counter keys in use, with the first id and where they were declared: one counter serves one series. */
    private final Map<String, IdGeneratorMeta> byKey = new LinkedHashMap<>();

    GeneratorReader(String tablePrefix, Collection<Class<?>> classes) {
        this.table = tablePrefix + IdGeneratorMeta.TABLE;
        for (Class<?> c : classes) {
            for (AnnotatedElement e : elements(c)) {
                String where = "Class " + c.getName() + (e == c ? "" : " member " + ((java.lang.reflect.Member) e).getName());
                // Unnamed declarations belong to their entity and are read by it (see generator()).
                for (SequenceGenerator s : sequences(e)) {
                    if (!s.name().isEmpty()) {
                        put(s.name(), sequence(s, s.name(), where));
                    }
                }
                for (TableGenerator t : tables(e)) {
                    if (!t.name().isEmpty()) {
                        put(t.name(), table(t, t.name(), where));
                    }
                }
            }
        }
    }

    private void put(String name, Declaration d) {
        Declaration previous = named.put(name, d);
        // The same declaration is met again through every subclass of a mapped superclass: only a different one conflicts.
        if (previous != null && !(previous.key().equals(d.key()) && previous.first() == d.first()
                && previous.allocationSize() == d.allocationSize())) {
            throw new PersistenceException(d.where() + " declares id generator '" + name + "' differently from "
                    + previous.where() + "; generator names are unit-wide: declare it once or rename one");
        }
    }

    /** Whether a type can have its {@code @GeneratedValue} ids handed out by a counter. */
    static boolean numeric(Class<?> type) {
        return NUMERIC_IDS.contains(type);
    }

    /**
     * The generator of an entity's numeric generated id, or {@code null} when its id is not a numeric
     * {@code @GeneratedValue}.
     */
    IdGeneratorMeta generator(Class<?> entity, String entityName, List<Property> properties, String where) {
        Property id = null;
        for (Property p : properties) {
            if (p.has(GeneratedValue.class) && numeric(p.type())) {
                id = p;
            }
        }
        if (id == null) {
            return null;
        }
        GeneratedValue generated = id.get(GeneratedValue.class);
        String at = where + " attribute '" + id.name() + "'";
        if (generated.strategy() == GenerationType.UUID) {
            throw new PersistenceException(at + ": @GeneratedValue(strategy=UUID) needs a UUID or String id, not "
                    + id.type().getName() + "; use strategy AUTO, SEQUENCE, TABLE or IDENTITY for a numeric id");
        }
        String name = generated.generator().isEmpty() ? entityName : generated.generator();
        // JPA 3.2: an unnamed @SequenceGenerator/@TableGenerator on the id or the entity class is named after the entity.
        boolean own = name.equals(entityName);
        Declaration d = null;
        for (AnnotatedElement e : List.of((AnnotatedElement) id.annotated(), entity)) {
            if (d == null) {
                d = first(declarations(e, name, own, at));
            }
        }
        if (d == null) {
            d = named.get(name);
        }
        if (d == null && entity.getPackage() != null) {
            d = first(declarations(entity.getPackage(), name, false, at));
        }
        if (d == null) {
            // No declaration: the name is the counter's key, with JPA's defaults (first id 1, blocks of 50).
            d = new Declaration(name, 1, 50, at + " (default generator '" + name + "')");
        }
        if (!id.type().isPrimitive() || d.first() > 0) {
            IdGeneratorMeta g = new IdGeneratorMeta(name, table, d.key(), d.first(), d.allocationSize(), id.type());
            IdGeneratorMeta previous = byKey.putIfAbsent(d.key(), g);
            if (previous != null && previous.first() != g.first()) {
                throw new PersistenceException(at + ": id generator '" + name + "' starts at " + g.first()
                        + " but counter '" + d.key() + "' is shared with generator '" + previous.name() + "', which starts at "
                        + previous.first() + "; give them the same initialValue or separate sequence names");
            }
            return g;
        }
        throw new PersistenceException(at + ": id generator '" + name + "' would hand out " + d.first()
                + " first, but a primitive " + id.type().getName() + " id of 0 means 'not assigned yet'; "
                + "set initialValue to 1 or more, or use a " + (id.type() == int.class ? "Integer" : "Long") + " id");
    }

    private static Declaration first(List<Declaration> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    /** The declarations on an element named {@code name}, and the unnamed ones if they are the entity's own. */
    private static List<Declaration> declarations(AnnotatedElement e, String name, boolean unnamed, String where) {
        List<Declaration> found = new ArrayList<>();
        for (SequenceGenerator s : sequences(e)) {
            if (s.name().isEmpty() ? unnamed : s.name().equals(name)) {
                found.add(sequence(s, name, where));
            }
        }
        for (TableGenerator t : tables(e)) {
            if (t.name().isEmpty() ? unnamed : t.name().equals(name)) {
                found.add(table(t, name, where));
            }
        }
        return found;
    }

    private static Declaration sequence(SequenceGenerator s, String name, String where) {
        String at = where + " @SequenceGenerator '" + name + "'";
        ignored(at, "catalog", s.catalog());
        ignored(at, "schema", s.schema());
        ignored(at, "options", s.options());
        // JPA: a sequence's initialValue is the first value it hands out.
        return new Declaration(s.sequenceName().isEmpty() ? name : s.sequenceName(), s.initialValue(),
                size(s.allocationSize(), at), at);
    }

    private static Declaration table(TableGenerator t, String name, String where) {
        String at = where + " @TableGenerator '" + name + "'";
        ignored(at, "table", t.table());
        ignored(at, "catalog", t.catalog());
        ignored(at, "schema", t.schema());
        ignored(at, "pkColumnName", t.pkColumnName());
        ignored(at, "valueColumnName", t.valueColumnName());
        ignored(at, "options", t.options());
        ignored(at, "uniqueConstraints or indexes", t.uniqueConstraints().length + t.indexes().length > 0 ? "…" : "");
        // JPA: a table generator's initialValue is the last value "already generated", so the first id is one more.
        return new Declaration(t.pkColumnValue().isEmpty() ? name : t.pkColumnValue(), (long) t.initialValue() + 1,
                size(t.allocationSize(), at), at);
    }

    private static int size(int allocationSize, String at) {
        if (allocationSize < 1) {
            throw new PersistenceException(at + " has allocationSize " + allocationSize + "; it must be at least 1");
        }
        return allocationSize;
    }

    /**
     * Where a SQL database would keep a generator (catalog, schema, table, columns) has no DynamoDB meaning: every
     * counter lives in the unit's one generator table. Ignored, as the model stays portable, and said once at INFO.
     */
    private static void ignored(String at, String element, String value) {
        if (!value.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, () -> at + " sets " + element + "=\"" + value + "\", which Jynamo ignores:"
                    + " every counter lives in the unit's one generator table (" + IdGeneratorMeta.TABLE
                    + ", with jynamo.table-prefix)");
        }
    }

    private static List<SequenceGenerator> sequences(AnnotatedElement e) {
        List<SequenceGenerator> all = new ArrayList<>(List.of(Annotations.all(e, SequenceGenerator.class)));
        SequenceGenerators many = Annotations.get(e, SequenceGenerators.class);
        if (many != null && all.isEmpty()) {
            all.addAll(List.of(many.value()));
        }
        return all;
    }

    private static List<TableGenerator> tables(AnnotatedElement e) {
        List<TableGenerator> all = new ArrayList<>(List.of(Annotations.all(e, TableGenerator.class)));
        TableGenerators many = Annotations.get(e, TableGenerators.class);
        if (many != null && all.isEmpty()) {
            all.addAll(List.of(many.value()));
        }
        return all;
    }

    /** The class and its fields and methods, where generators may be declared. */
    private static List<AnnotatedElement> elements(Class<?> c) {
        List<AnnotatedElement> all = new ArrayList<>();
        all.add(c);
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            all.addAll(List.of(k.getDeclaredFields()));
            all.addAll(List.of(k.getDeclaredMethods()));
        }
        return all;
    }
}
