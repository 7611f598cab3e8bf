package io.jynamo.internal.criteria;

import io.jynamo.internal.graph.GraphImpl;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.PathExpr;
import jakarta.persistence.criteria.CollectionJoin;
import jakarta.persistence.criteria.Fetch;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.SetJoin;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.CollectionAttribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SetAttribute;
import jakarta.persistence.metamodel.SingularAttribute;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a root and a join share: the joins and fetches made from them ({@code root.join("customer")},
 * {@code root.fetch("purchases", JoinType.LEFT)}), checked against the metamodel as they are made and lowered to
 * the statement's {@code [LEFT] JOIN [FETCH]} clauses in the order they were made.
 *
 * @param <Z> the type the from is joined from (the entity itself for a root)
 * @param <X> the entity the from reaches
 */
abstract class FromImpl<Z, X> extends PathImpl<X> implements From<Z, X> {

    /** The joins and fetches made from this from, in order (a fetch is one too: JPQL's JOIN FETCH). */
    private final List<JoinImpl<X, ?>> children = new ArrayList<>();

    FromImpl(PathImpl<?> parent, Attribute<?, ?> attribute, Class<? extends X> javaType) {
        super(parent, attribute, javaType);
    }

    /**
     * Paths from a root or a join start at its identification variable ({@code e0.name}, {@code c.id} for
     * {@code JOIN o.customer c}).
     */
    @Override
    List<String> names(Lowering l) {
        List<String> names = new ArrayList<>();
        names.add(l.variable(this));
        return names;
    }

    List<JoinImpl<X, ?>> children() {
        return children;
    }

    /** The kinds of join the typed methods ask for ({@code joinSet} wants a Set attribute, ...). */
    enum Kind {
        ANY, SINGULAR, COLLECTION, SET, LIST, MAP
    }

    /**
     * A join or fetch of an attribute of this from's entity.
     *
     * @throws IllegalArgumentException for an unknown attribute, one of another kind than the method names, a basic
     *                                  or embedded attribute, an element collection, or a RIGHT join
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> R add(String name, JoinType type, boolean fetch, Kind kind, String method) {
        ManagedType<?> model = managedType();
        if (model == null) {
            throw new IllegalArgumentException("The criteria path " + describe() + " ends at a basic value; it has no"
                    + " attribute '" + name + "' to " + (fetch ? "fetch" : "join") + " (" + method + ")");
        }
        if (name == null) {
            throw new IllegalArgumentException("The attribute to " + (fetch ? "fetch" : "join") + " is null (" + method + ")");
        }
        Attribute<?, ?> a = model.getAttribute(name); // IllegalArgumentException for an unknown name
        if (type == null) {
            throw new IllegalArgumentException("The join type of " + method + "(" + name + ") is null; use JoinType.INNER"
                    + " or JoinType.LEFT");
        }
        if (type == JoinType.RIGHT) {
            throw Unsupported.construct("a RIGHT join of " + describe() + "." + name + " (only INNER and LEFT joins over"
                    + " relationships exist on DynamoDB): " + method);
        }
        checkKind(a, kind, method);
        String where = model.getJavaType().getSimpleName() + "." + name;
        switch (a.getPersistentAttributeType()) {
            case BASIC -> throw new IllegalArgumentException(where + " is a basic attribute; " + method + " joins a"
                    + " relationship. Use get(\"" + name + "\") for its value");
            case EMBEDDED -> throw Unsupported.construct("joining the embedded " + where + " (its attributes are stored"
                    + " in the item: use get(\"" + name + "\").get(...))" + ": " + method);
            case ELEMENT_COLLECTION -> throw Unsupported.construct((fetch ? "fetching" : "joining") + " the element"
                    + " collection " + where + " (it is stored in the item and loaded with it; test its values with"
                    + " isMember / isEmpty / size on get(\"" + name + "\"))" + ": " + method);
            default -> {
            }
        }
        JoinImpl<X, ?> join;
        if (a instanceof MapAttribute<?, ?, ?> m) {
            join = new JoinImpl.MapJ(this, m, type, fetch);
        } else if (a instanceof PluralAttribute<?, ?, ?> p) {
            join = switch (p.getCollectionType()) {
                case SET -> new JoinImpl.SetJ(this, p, type, fetch);
                case LIST -> new JoinImpl.ListJ(this, p, type, fetch);
                default -> new JoinImpl.Coll(this, p, type, fetch);
            };
        } else {
            join = new JoinImpl(this, a, a.getJavaType(), type, fetch);
        }
        children.add(join);
        return (R) join;
    }

    private static void checkKind(Attribute<?, ?> a, Kind kind, String method) {
        PluralAttribute.CollectionType actual = a instanceof PluralAttribute<?, ?, ?> p ? p.getCollectionType() : null;
        PluralAttribute.CollectionType wanted = switch (kind) {
            case ANY, SINGULAR -> null;
            case COLLECTION -> PluralAttribute.CollectionType.COLLECTION;
            case SET -> PluralAttribute.CollectionType.SET;
            case LIST -> PluralAttribute.CollectionType.LIST;
            case MAP -> PluralAttribute.CollectionType.MAP;
        };
        if (kind == Kind.SINGULAR && actual != null || wanted != null && actual != wanted) {
            throw new IllegalArgumentException(method + ": '" + a.getName() + "' is "
                    + (actual == null ? "a single-valued attribute" : "a " + actual.name().toLowerCase() + " attribute")
                    + ", not " + (wanted == null ? "a single-valued one" : "a " + wanted.name().toLowerCase()) + "; use "
                    + (actual == null ? "join" : switch (actual) {
                        case COLLECTION -> "joinCollection";
                        case SET -> "joinSet";
                        case LIST -> "joinList";
                        case MAP -> "joinMap";
                    }));
        }
    }

    private static String name(Attribute<?, ?> a) {
        if (a == null) {
            throw new IllegalArgumentException("The attribute to join is null");
        }
        return a.getName();
    }

    /**
     * The statement's joins for this root's joins and fetches, in order: JPQL's {@code [LEFT] JOIN [FETCH] e.association
     * v}. JPQL joins only the queried entity's relationships; fetches below a fetch ({@code root.fetch("a", LEFT)
     * .fetch("b", LEFT)}) become the entity graph the query loads after the read, as the hint
     * {@code jakarta.persistence.fetchgraph} with a subgraph would. Other joins from a join are refused here, where
     * the construct is known.
     */
    void lowerJoins(Lowering l, List<Join> out, StringBuilder text, List<io.jynamo.jpql.ast.Condition> on) {
        for (JoinImpl<X, ?> j : children) {
            String variable = l.variable(j);
            PathExpr path = new PathExpr(List.of(l.variable(this), j.getAttribute().getName()), Lowering.POS, null);
            out.add(new Join(path, variable, j.getJoinType() == JoinType.LEFT, j.isFetch(), Lowering.POS));
            text.append(j.getJoinType() == JoinType.LEFT ? " LEFT JOIN " : " JOIN ").append(j.isFetch() ? "FETCH " : "")
                    .append(path.text()).append(' ').append(variable);
            Lowered<io.jynamo.jpql.ast.Condition> condition = j.onCondition(l);
            if (condition != null) {
                // As JPQL's parser reads it: an inner join's ON condition joins the WHERE.
                text.append(" ON ").append(condition.text());
                on.add(condition.node());
            }
            if (!j.isFetch() && !j.children().isEmpty() && j.children().stream().noneMatch(JoinImpl::isFetch)) {
                j.lowerJoins(l, out, text, on); // JPQL's JOIN c.orders o JOIN o.lines l
            } else if (!j.children().isEmpty()) {
                nested(j, path.text(), () -> (GraphImpl<?>) l.fetchGraph(managedType()).addSubgraph(j.getAttribute().getName()));
            }
        }
    }

    /** The fetches below a fetch, into its subgraph (made when there is one); anything else is refused. */
    private static void nested(JoinImpl<?, ?> parent, String path, Supplier<GraphImpl<?>> graph) {
        GraphImpl<?> sub = null;
        for (JoinImpl<?, ?> n : parent.children()) {
            String name = n.getAttribute().getName();
            if (!parent.isFetch() || !n.isFetch()) {
                throw Unsupported.construct((n.isFetch() ? "a fetch" : "a join") + " from a " + (parent.isFetch()
                        ? "fetch" : "join") + " (" + path + "." + name + "; joins go below joins and fetches below"
                        + " fetches: join the next level from a join with conditions on it, or fetch it from a fetch,"
                        + " root.fetch(\"a\", JoinType.LEFT).fetch(\"b\", JoinType.LEFT)): "
                        + (n.isFetch() ? "Fetch.fetch" : "Join.join"));
            }
            if (n.getJoinType() != JoinType.LEFT) {
                throw Unsupported.construct("an inner fetch below a fetch (" + path + "." + name + ": it would drop the"
                        + " results whose " + parent.getAttribute().getName() + " has no " + name + ", which DynamoDB"
                        + " cannot tell before loading them; write fetch(\"" + name + "\", JoinType.LEFT)): Fetch.fetch");
            }
            if (sub == null) {
                sub = graph.get();
            }
            if (n.children().isEmpty()) {
                sub.addAttributeNodes(name);
            } else {
                GraphImpl<?> s = sub;
                nested(n, path + "." + name, () -> (GraphImpl<?>) s.addSubgraph(name));
            }
        }
    }

    /** A bulk UPDATE or DELETE has no joins, in JPQL either. */
    void refuseJoins(String query) {
        if (!children.isEmpty()) {
            throw Unsupported.construct("a join in a " + query + " (" + children.get(0) + "; JPQL's bulk UPDATE and DELETE"
                    + " have no joins either: compare the relationship's key in where(), e.g."
                    + " cb.equal(root.get(\"customer\").get(\"id\"), id)): " + query + ".from(...).join");
        }
    }

    // ---- From --------------------------------------------------------------------------------------------

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Set<jakarta.persistence.criteria.Join<X, ?>> getJoins() {
        Set out = new LinkedHashSet<>();
        children.stream().filter(j -> !j.isFetch()).forEach(out::add);
        return out;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Set<Fetch<X, ?>> getFetches() {
        Set out = new LinkedHashSet<>();
        children.stream().filter(JoinImpl::isFetch).forEach(out::add);
        return out;
    }

    @Override
    public boolean isCorrelated() {
        return false;
    }

    @Override
    public From<Z, X> getCorrelationParent() {
        throw new IllegalStateException("The criteria " + describe() + " is not correlated (Jynamo has no subqueries);"
                + " call getCorrelationParent only when isCorrelated() is true");
    }

    @Override
    public <Y> jakarta.persistence.criteria.Join<X, Y> join(Class<Y> entityClass) {
        throw entityJoin(entityClass.getSimpleName());
    }

    @Override
    public <Y> jakarta.persistence.criteria.Join<X, Y> join(Class<Y> entityClass, JoinType type) {
        throw entityJoin(entityClass.getSimpleName());
    }

    @Override
    public <Y> jakarta.persistence.criteria.Join<X, Y> join(EntityType<Y> entity) {
        throw entityJoin(entity.getName());
    }

    @Override
    public <Y> jakarta.persistence.criteria.Join<X, Y> join(EntityType<Y> entity, JoinType type) {
        throw entityJoin(entity.getName());
    }

    private IllegalArgumentException entityJoin(String entity) {
        return Unsupported.construct("joining the entity " + entity + " by its type (an entity join: DynamoDB has no"
                + " joins; join a relationship of the queried entity, root.join(\"customer\"), or query " + entity
                + " by key): " + face() + ".join");
    }

    /** The interface the application called, for messages: Root, Join or Fetch. */
    abstract String face();

    @Override
    public <Y> jakarta.persistence.criteria.Join<X, Y> join(SingularAttribute<? super X, Y> attribute) {
        return join(attribute, JoinType.INNER);
    }

    @Override
    public <Y> jakarta.persistence.criteria.Join<X, Y> join(SingularAttribute<? super X, Y> attribute, JoinType type) {
        return add(name(attribute), type, false, Kind.SINGULAR, face() + ".join");
    }

    @Override
    public <Y> CollectionJoin<X, Y> join(CollectionAttribute<? super X, Y> attribute) {
        return join(attribute, JoinType.INNER);
    }

    @Override
    public <Y> SetJoin<X, Y> join(SetAttribute<? super X, Y> attribute) {
        return join(attribute, JoinType.INNER);
    }

    @Override
    public <Y> ListJoin<X, Y> join(ListAttribute<? super X, Y> attribute) {
        return join(attribute, JoinType.INNER);
    }

    @Override
    public <K, V> MapJoin<X, K, V> join(MapAttribute<? super X, K, V> attribute) {
        return join(attribute, JoinType.INNER);
    }

    @Override
    public <Y> CollectionJoin<X, Y> join(CollectionAttribute<? super X, Y> attribute, JoinType type) {
        return add(name(attribute), type, false, Kind.COLLECTION, face() + ".join");
    }

    @Override
    public <Y> SetJoin<X, Y> join(SetAttribute<? super X, Y> attribute, JoinType type) {
        return add(name(attribute), type, false, Kind.SET, face() + ".join");
    }

    @Override
    public <Y> ListJoin<X, Y> join(ListAttribute<? super X, Y> attribute, JoinType type) {
        return add(name(attribute), type, false, Kind.LIST, face() + ".join");
    }

    @Override
    public <K, V> MapJoin<X, K, V> join(MapAttribute<? super X, K, V> attribute, JoinType type) {
        return add(name(attribute), type, false, Kind.MAP, face() + ".join");
    }

    @Override
    public <T, Y> jakarta.persistence.criteria.Join<T, Y> join(String attributeName) {
        return join(attributeName, JoinType.INNER);
    }

    @Override
    public <T, Y> CollectionJoin<T, Y> joinCollection(String attributeName) {
        return joinCollection(attributeName, JoinType.INNER);
    }

    @Override
    public <T, Y> SetJoin<T, Y> joinSet(String attributeName) {
        return joinSet(attributeName, JoinType.INNER);
    }

    @Override
    public <T, Y> ListJoin<T, Y> joinList(String attributeName) {
        return joinList(attributeName, JoinType.INNER);
    }

    @Override
    public <T, K, V> MapJoin<T, K, V> joinMap(String attributeName) {
        return joinMap(attributeName, JoinType.INNER);
    }

    @Override
    public <T, Y> jakarta.persistence.criteria.Join<T, Y> join(String attributeName, JoinType type) {
        return add(attributeName, type, false, Kind.ANY, face() + ".join");
    }

    @Override
    public <T, Y> CollectionJoin<T, Y> joinCollection(String attributeName, JoinType type) {
        return add(attributeName, type, false, Kind.COLLECTION, face() + ".joinCollection");
    }

    @Override
    public <T, Y> SetJoin<T, Y> joinSet(String attributeName, JoinType type) {
        return add(attributeName, type, false, Kind.SET, face() + ".joinSet");
    }

    @Override
    public <T, Y> ListJoin<T, Y> joinList(String attributeName, JoinType type) {
        return add(attributeName, type, false, Kind.LIST, face() + ".joinList");
    }

    @Override
    public <T, K, V> MapJoin<T, K, V> joinMap(String attributeName, JoinType type) {
        return add(attributeName, type, false, Kind.MAP, face() + ".joinMap");
    }

    @Override
    public <Y> Fetch<X, Y> fetch(SingularAttribute<? super X, Y> attribute) {
        return fetch(attribute, JoinType.INNER);
    }

    @Override
    public <Y> Fetch<X, Y> fetch(SingularAttribute<? super X, Y> attribute, JoinType type) {
        return add(name(attribute), type, true, Kind.SINGULAR, face() + ".fetch");
    }

    @Override
    public <Y> Fetch<X, Y> fetch(PluralAttribute<? super X, ?, Y> attribute) {
        return fetch(attribute, JoinType.INNER);
    }

    @Override
    public <Y> Fetch<X, Y> fetch(PluralAttribute<? super X, ?, Y> attribute, JoinType type) {
        return add(name(attribute), type, true, Kind.ANY, face() + ".fetch");
    }

    @Override
    public <T, Y> Fetch<T, Y> fetch(String attributeName) {
        return fetch(attributeName, JoinType.INNER);
    }

    @Override
    public <T, Y> Fetch<T, Y> fetch(String attributeName, JoinType type) {
        return add(attributeName, type, true, Kind.ANY, face() + ".fetch");
    }
}
