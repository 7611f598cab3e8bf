package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.PathExpr;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.Bindable;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A path from a root through attributes ({@code root.get("address").get("city")}), checked against the
 * metamodel as it is built.
 *
 * @param <X> the Java type of the attribute it ends at
 */
class PathImpl<X> extends ExpressionImpl<X> implements Path<X> {
    private final PathImpl<?> parent;
    private final Attribute<?, ?> attribute;

    PathImpl(PathImpl<?> parent, Attribute<?, ?> attribute, Class<? extends X> javaType) {
        super(javaType);
        this.parent = parent;
        this.attribute = attribute;
    }

    /** The managed type whose attributes this path reaches, or {@code null} if it ends at a basic value. */
    ManagedType<?> managedType() {
        if (attribute instanceof SingularAttribute<?, ?> s && s.getType() instanceof ManagedType<?> m) {
            return m;
        }
        return null;
    }

    /** The attribute this path ends at ({@code null} for a root). */
    Attribute<?, ?> attribute() {
        return attribute;
    }

    /** The root this path starts at. */
    RootImpl<?> root() {
        return parent.root();
    }

    /** The identification variable and attribute names along the path. */
    List<String> names(Lowering l) {
        List<String> names = new ArrayList<>(parent.names(l));
        names.add(attribute.getName());
        return names;
    }

    @Override
    Lowered<Expr> lower(Lowering l) {
        PathExpr p = new PathExpr(names(l), Lowering.POS, null);
        return new Lowered<>(p, p.text());
    }

    private <Y> PathImpl<Y> child(String name) {
        ManagedType<?> type = managedType();
        if (type == null) {
            throw new IllegalStateException("The criteria path " + describe() + " ends at a basic value; it has"
                    + " no attribute '" + name + "'");
        }
        Attribute<?, ?> a = type.getAttribute(name);
        @SuppressWarnings("unchecked")
        Class<? extends Y> javaType = (Class<? extends Y>) a.getJavaType();
        return new PathImpl<>(this, a, javaType);
    }

    String describe() {
        return parent == null ? "root" : parent.describe() + "." + attribute.getName();
    }

    @Override
    public <Y> Path<Y> get(String attributeName) {
        return child(attributeName);
    }

    @Override
    public <Y> Path<Y> get(SingularAttribute<? super X, Y> attribute) {
        return child(attribute.getName());
    }

    @Override
    public <E, C extends Collection<E>> Expression<C> get(PluralAttribute<? super X, C, E> collection) {
        return child(collection.getName());
    }

    @Override
    public <K, V, M extends Map<K, V>> Expression<M> get(MapAttribute<? super X, K, V> map) {
        return child(map.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Bindable<X> getModel() {
        return (Bindable<X>) attribute;
    }

    @Override
    public Path<?> getParentPath() {
        return parent;
    }

    @Override
    public Expression<Class<? extends X>> type() {
        return new EntityTypeImpl<>(this);
    }

    /** Whether the attribute is a collection (for MEMBER OF and SIZE). */
    boolean plural() {
        return attribute instanceof PluralAttribute<?, ?, ?>;
    }

    Type<?> valueType() {
        return attribute instanceof SingularAttribute<?, ?> s ? s.getType() : null;
    }

    @Override
    public String toString() {
        return describe();
    }
}
