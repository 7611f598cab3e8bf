package io.jynamo.internal.criteria;

import jakarta.persistence.criteria.CollectionJoin;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.SetJoin;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.CollectionAttribute;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SetAttribute;

import java.util.List;
import java.util.Map;

/**
 * A join or a fetch of a relationship ({@code root.join("customer")}, {@code root.fetch("purchases", LEFT)}): JPQL's
 * {@code [LEFT] JOIN [FETCH] e.association v}. One class is both, as a fetch is a join whose targets are loaded:
 * frameworks cast one to the other (Spring Data reuses a fetch as the join of a sort path). Paths through it
 * ({@code join.get("id")}) start at its identification variable.
 *
 * @param <Z> the entity joined from
 * @param <X> the entity joined to (the element of a collection)
 */
class JoinImpl<Z, X> extends FromImpl<Z, X> implements Join<Z, X>, Fetch<Z, X> {
    private final JoinType type;
    private final boolean fetch;
    /** {@link #on}'s condition, or {@code null}. */
    private ExpressionImpl<Boolean> on;

    @SuppressWarnings("unchecked")
    JoinImpl(FromImpl<?, Z> from, Attribute<?, ?> attribute, Class<?> javaType, JoinType type, boolean fetch) {
        super(from, attribute, (Class<? extends X>) javaType);
        this.type = type;
        this.fetch = fetch;
    }

    boolean isFetch() {
        return fetch;
    }

    @Override
    ManagedType<?> managedType() {
        if (attribute() instanceof PluralAttribute<?, ?, ?> p) {
            return p.getElementType() instanceof ManagedType<?> m ? m : null; // the element the join stands for
        }
        return super.managedType();
    }

    @Override
    boolean plural() {
        return false; // the join stands for one element, not for the collection
    }

    @Override
    String face() {
        return fetch ? "Fetch" : "Join";
    }

    @Override
    String describe() {
        return getParent().describe() + "." + getAttribute().getName();
    }

    // ---- Join and Fetch ----------------------------------------------------------------------------------

    @Override
    public Join<Z, X> on(Expression<Boolean> restriction) {
        on = restriction == null ? null : ExpressionImpl.own(restriction);
        return this;
    }

    @Override
    public Join<Z, X> on(Predicate... restrictions) {
        on = restrictions.length == 0 ? null : PredicateImpl.junction(Predicate.BooleanOperator.AND, List.of(restrictions));
        return this;
    }

    @Override
    public Predicate getOn() {
        return on == null || on instanceof Predicate ? (Predicate) on : Predicates.truth(on, true);
    }

    /**
     * The ON condition lowered, for the statement's WHERE: an inner join's ON keeps the rows the same condition in
     * WHERE keeps. A LEFT JOIN's would keep the rows without a match, which is refused (as in JPQL).
     */
    io.jynamo.internal.criteria.Lowered<io.jynamo.jpql.ast.Condition> onCondition(Lowering l) {
        if (on == null) {
            return null;
        }
        if (type == JoinType.LEFT || fetch) {
            throw Unsupported.construct("a join condition on a " + (fetch ? "fetch" : "LEFT join") + " (" + describe()
                    + (fetch ? ": JPQL puts no condition on a fetch join" : ": it keeps the rows without a matching element,"
                    + " which a query of the joined entity cannot find; an inner join's ON means its condition in where()")
                    + "): Join.on");
        }
        return on.condition(l);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Attribute<? super Z, ?> getAttribute() {
        return (Attribute<? super Z, ?>) attribute();
    }

    @Override
    @SuppressWarnings("unchecked")
    public FromImpl<?, Z> getParent() {
        return (FromImpl<?, Z>) getParentPath();
    }

    @Override
    public JoinType getJoinType() {
        return type;
    }

    @Override
    public String toString() {
        return (type == JoinType.LEFT ? "LEFT JOIN " : "JOIN ") + (fetch ? "FETCH " : "") + describe();
    }

    /** A join of a {@code Collection}. */
    static final class Coll<Z, E> extends JoinImpl<Z, E> implements CollectionJoin<Z, E> {
        Coll(FromImpl<?, Z> from, PluralAttribute<?, ?, ?> a, JoinType type, boolean fetch) {
            super(from, a, a.getElementType().getJavaType(), type, fetch);
        }

        @Override
        @SuppressWarnings("unchecked")
        public CollectionAttribute<? super Z, E> getModel() {
            return (CollectionAttribute<? super Z, E>) getAttribute();
        }

        @Override
        public CollectionJoin<Z, E> on(Expression<Boolean> restriction) {
            super.on(restriction);
            return this;
        }

        @Override
        public CollectionJoin<Z, E> on(Predicate... restrictions) {
            super.on(restrictions);
            return this;
        }
    }

    /** A join of a {@code Set}. */
    static final class SetJ<Z, E> extends JoinImpl<Z, E> implements SetJoin<Z, E> {
        SetJ(FromImpl<?, Z> from, PluralAttribute<?, ?, ?> a, JoinType type, boolean fetch) {
            super(from, a, a.getElementType().getJavaType(), type, fetch);
        }

        @Override
        @SuppressWarnings("unchecked")
        public SetAttribute<? super Z, E> getModel() {
            return (SetAttribute<? super Z, E>) getAttribute();
        }

        @Override
        public SetJoin<Z, E> on(Expression<Boolean> restriction) {
            super.on(restriction);
            return this;
        }

        @Override
        public SetJoin<Z, E> on(Predicate... restrictions) {
            super.on(restrictions);
            return this;
        }
    }

    /** A join of a {@code List}. */
    static final class ListJ<Z, E> extends JoinImpl<Z, E> implements ListJoin<Z, E> {
        ListJ(FromImpl<?, Z> from, PluralAttribute<?, ?, ?> a, JoinType type, boolean fetch) {
            super(from, a, a.getElementType().getJavaType(), type, fetch);
        }

        @Override
        @SuppressWarnings("unchecked")
        public ListAttribute<? super Z, E> getModel() {
            return (ListAttribute<? super Z, E>) getAttribute();
        }

        @Override
        public ListJoin<Z, E> on(Expression<Boolean> restriction) {
            super.on(restriction);
            return this;
        }

        @Override
        public ListJoin<Z, E> on(Predicate... restrictions) {
            super.on(restrictions);
            return this;
        }

        @Override
        public Expression<Integer> index() {
            throw Unsupported.construct("INDEX() of the list join " + describe() + ": ListJoin.index");
        }
    }

    /** A join of a {@code Map}: its values are the joined entities. */
    static final class MapJ<Z, K, V> extends JoinImpl<Z, V> implements MapJoin<Z, K, V> {
        MapJ(FromImpl<?, Z> from, MapAttribute<?, ?, ?> a, JoinType type, boolean fetch) {
            super(from, a, a.getElementType().getJavaType(), type, fetch);
        }

        @Override
        @SuppressWarnings("unchecked")
        public MapAttribute<? super Z, K, V> getModel() {
            return (MapAttribute<? super Z, K, V>) getAttribute();
        }

        @Override
        public MapJoin<Z, K, V> on(Expression<Boolean> restriction) {
            super.on(restriction);
            return this;
        }

        @Override
        public MapJoin<Z, K, V> on(Predicate... restrictions) {
            super.on(restrictions);
            return this;
        }

        @Override
        public Path<K> key() {
            throw Unsupported.construct("KEY() of the map join " + describe() + ": MapJoin.key");
        }

        /** The map's values are what the join reaches: the join itself, as JPQL's {@code VALUE(v)} is {@code v}. */
        @Override
        public Path<V> value() {
            return this;
        }

        @Override
        public Expression<Map.Entry<K, V>> entry() {
            throw Unsupported.construct("ENTRY() of the map join " + describe() + ": MapJoin.entry");
        }
    }
}
