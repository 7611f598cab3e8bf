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
        throw on();
    }

    @Override
    public Join<Z, X> on(Predicate... restrictions) {
        throw on();
    }

    /** JPQL has no JOIN ... ON on DynamoDB: the join means the foreign key stored on the owner, not a match. */
    IllegalArgumentException on() {
        return Unsupported.construct("a join condition (JOIN ... ON) on " + describe() + " (JPQL's ON is not supported"
                + " either: put the condition in where(), which for an inner join means the same): Join.on");
    }

    @Override
    public Predicate getOn() {
        return null;
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
            throw on();
        }

        @Override
        public CollectionJoin<Z, E> on(Predicate... restrictions) {
            throw on();
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
            throw on();
        }

        @Override
        public SetJoin<Z, E> on(Predicate... restrictions) {
            throw on();
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
            throw on();
        }

        @Override
        public ListJoin<Z, E> on(Predicate... restrictions) {
            throw on();
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
            throw on();
        }

        @Override
        public MapJoin<Z, K, V> on(Predicate... restrictions) {
            throw on();
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
