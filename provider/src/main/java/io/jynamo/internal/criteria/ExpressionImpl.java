package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Comparison;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.semantic.Types;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Selection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An expression of a criteria query: a path, a value, a parameter or a function of them.
 *
 * @param <T> its Java type
 */
abstract class ExpressionImpl<T> implements Expression<T> {
    private final Class<? extends T> javaType;
    private String alias;

    ExpressionImpl(Class<? extends T> javaType) {
        this.javaType = javaType;
    }

    /** The expression as a statement node. */
    abstract Lowered<Expr> lower(Lowering l);

    /** The expression used as a condition: a Boolean expression is true. */
    Lowered<Condition> condition(Lowering l) {
        Lowered<Expr> e = lower(l);
        if (getJavaType() != Boolean.class && getJavaType() != boolean.class) {
            throw new IllegalArgumentException("A criteria condition must be a Predicate or a Boolean expression, not "
                    + e.text() + " of type " + getJavaType().getName());
        }
        return new Lowered<>(new Comparison(e.node(), CompareOp.EQ, l.value(Boolean.TRUE), Lowering.POS),
                e.text() + " = TRUE");
    }

    /** A criteria argument of ours: one built by another provider's builder cannot be lowered. */
    @SuppressWarnings("unchecked")
    static <E> ExpressionImpl<E> own(Expression<E> e) {
        if (e == null) {
            throw new IllegalArgumentException("A criteria expression is null");
        }
        if (!(e instanceof ExpressionImpl<?>)) {
            throw new IllegalArgumentException("The criteria expression " + e + " was not built by Jynamo's"
                    + " CriteriaBuilder; build queries with EntityManager.getCriteriaBuilder()");
        }
        return (ExpressionImpl<E>) e;
    }

    @Override
    public Predicate isNull() {
        return Predicates.isNull(this, false);
    }

    @Override
    public Predicate isNotNull() {
        return Predicates.isNull(this, true);
    }

    @Override
    public Predicate equalTo(Expression<?> value) {
        return Predicates.compare(this, CompareOp.EQ, own(value));
    }

    @Override
    public Predicate equalTo(Object value) {
        return Predicates.compare(this, CompareOp.EQ, value);
    }

    @Override
    public Predicate notEqualTo(Expression<?> value) {
        return Predicates.compare(this, CompareOp.NE, own(value));
    }

    @Override
    public Predicate notEqualTo(Object value) {
        return Predicates.compare(this, CompareOp.NE, value);
    }

    @Override
    public Predicate in(Object... values) {
        InImpl<T> in = new InImpl<>(this);
        for (Object v : values) {
            in.item(v instanceof Expression<?> e ? own(e) : new ValueImpl<>(v));
        }
        return in;
    }

    @Override
    public Predicate in(Expression<?>... values) {
        InImpl<T> in = new InImpl<>(this);
        for (Expression<?> v : values) {
            in.item(own(v));
        }
        return in;
    }

    @Override
    public Predicate in(Collection<?> values) {
        return in(values.toArray());
    }

    @Override
    public Predicate in(Expression<Collection<?>> values) {
        // a parameter bound to a collection, as "x IN :list"
        return new InImpl<>(this).item(own(values));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> Expression<X> as(Class<X> type) {
        if (type.isAssignableFrom(getJavaType()) || type == Object.class) {
            return (Expression<X>) this;
        }
        // As Hibernate does, a type JPQL can CAST to is converted (path.as(String.class) for LIKE on a number).
        return cast(type);
    }

    /** JPQL's {@code CAST(x AS type)} to a String or a number type; other types only as a supertype ({@link #as}). */
    @Override
    public <X> Expression<X> cast(Class<X> type) {
        @SuppressWarnings("unchecked")
        Class<X> boxed = (Class<X>) Types.wrap(type);
        String name = boxed.getSimpleName().toUpperCase(java.util.Locale.ROOT); // CAST(x AS Integer) names the class
        if (Computed.CAST_TYPES.get(name) == boxed) {
            return new Computations.Keyword<>(boxed, "CAST", this, name);
        }
        if (type.isAssignableFrom(getJavaType()) || type == Object.class) {
            return (Expression<X>) this;
        }
        throw Unsupported.construct("Expression.cast(" + type.getSimpleName() + ") (JPQL casts to String and the"
                + " number types only)");
    }

    @Override
    public Selection<T> alias(String name) {
        this.alias = name;
        return this;
    }

    @Override
    public String getAlias() {
        return alias;
    }

    @Override
    public boolean isCompoundSelection() {
        return false;
    }

    @Override
    public List<Selection<?>> getCompoundSelectionItems() {
        throw new IllegalStateException("A single expression is not a compound selection");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<? extends T> getJavaType() {
        return javaType;
    }

    /** Lowers several expressions, joining their texts. */
    static List<Expr> lowerAll(List<? extends ExpressionImpl<?>> items, Lowering l, StringBuilder text) {
        List<Expr> out = new ArrayList<>();
        for (ExpressionImpl<?> item : items) {
            Lowered<Expr> e = item.lower(l);
            if (!out.isEmpty()) {
                text.append(", ");
            }
            text.append(e.text());
            out.add(e.node());
        }
        return out;
    }
}
