package io.jynamo.jpql;

import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.semantic.Step;

/**
 * A read the provider runs before the root read of a query ({@link CompiledQuery#steps()}), because the condition
 * needs items other than the root's: its result is a list of {@link EntityKey}s the provider binds under
 * {@link #key()} next to the arguments, and the root's plan compares an entity path with them ({@code x IN keys}).
 *
 * <ul>
 *   <li>{@link Kind#MEMBER_OWNERS}: {@code :x MEMBER OF e.children}: the keys of the {@link #owner()} entities whose
 *   collection {@link #association()} holds the argument {@link #element()}. For an inverse one-to-many, the
 *   owning to-one of {@code :x} (its stored foreign key); for a link-table side, a Query of the link table (or its
 *   inverted index) by the key of {@code :x}. A NULL argument, or one without a key, is an unknown element: bind
 *   a list holding {@code null}.</li>
 *   <li>{@link Kind#JOINED_KEYS}: {@code JOIN e.target t WHERE t.name = :n}: the keys of the target entities the
 *   {@link #query()} selects (the conditions on the joined entity, a query of its own with its own plan), compared
 *   with the root's foreign key; for {@code JOIN e.children x WHERE x.amount > :a} (an inverse one-to-many), the
 *   owner keys the children found store, compared with the root's key.</li>
 * </ul>
 */
public final class RelationStep {

    /** What a step reads. */
    public enum Kind {
        /** the owners whose relationship collection holds an element */
        MEMBER_OWNERS,
        /** the keys of the joined entities that satisfy their conditions */
        JOINED_KEYS
    }

    private final Step step;
    private final CompiledQuery query;

    RelationStep(Step step, String jpql) {
        this.step = step;
        this.query = step.joined() == null ? null : new CompiledQuery(jpql, step.joined());
    }

    /** The argument key the step's keys are bound under (not a parameter of the query: no JPQL name has a dot). */
    public String key() {
        return step.key();
    }

    /** What the step reads. */
    public Kind kind() {
        return step.joined() == null ? Kind.MEMBER_OWNERS : Kind.JOINED_KEYS;
    }

    /** The root's association: the collection of MEMBER OF, the to-one of a JOIN. */
    public AssociationInfo association() {
        return step.association();
    }

    /** The root entity, which declares {@link #association()}. */
    public EntityInfo owner() {
        return step.owner();
    }

    /** {@link Kind#MEMBER_OWNERS}: the key of the element's parameter (a name or a position); otherwise {@code null}. */
    public Object element() {
        return step.element() == null ? null : step.element().key();
    }

    /**
     * {@link Kind#JOINED_KEYS}: the query of the joined entity, selecting its key attributes (bind it to the same
     * arguments; its plan is subject to the scan policy like any query); otherwise {@code null}.
     */
    public CompiledQuery query() {
        return query;
    }

    /**
     * The key paths ({@code EntityInfo.keyPaths()}) of the entity whose keys the step finds: the root's for MEMBER OF
     * and a JOIN of a collection, the joined target's for a JOIN of a to-one. {@link #query()} selects one attribute
     * for each, in this order.
     */
    public java.util.List<String> keyPaths() {
        return step.keyPaths();
    }

    /**
     * {@code JOIN c.children x WHERE ...} without DISTINCT: as in SQL, each root row is returned once per joined row
     * found, so the provider counts how often {@link #query()} found each key and repeats the row that often.
     */
    public boolean repeatsRows() {
        return step.repeats();
    }

    /** The construct as written, e.g. {@code :o MEMBER OF c.orders}. */
    public String text() {
        return step.text();
    }

    /** How explain names the step's keys, e.g. {@code step1}. */
    public String label() {
        return step.label();
    }

    @Override
    public String toString() {
        return step.label() + ": " + step.text();
    }
}
