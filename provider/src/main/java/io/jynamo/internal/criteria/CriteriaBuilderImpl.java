package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.semantic.Types;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CompoundSelection;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.CriteriaSelect;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.CollectionJoin;
import jakarta.persistence.criteria.SetJoin;
import jakarta.persistence.criteria.ListJoin;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;
import jakarta.persistence.criteria.TemporalField;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jynamo's {@code CriteriaBuilder}: one per factory, thread-safe (it holds only the metamodel). It builds
 * what the JPQL subset can say; every other method throws {@code IllegalArgumentException} naming itself.
 */
public final class CriteriaBuilderImpl implements CriteriaBuilder {
    private final Metamodel metamodel;
    private final AtomicInteger parameters = new AtomicInteger();

    public CriteriaBuilderImpl(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    <X> EntityType<X> entity(Class<X> entityClass) {
        return metamodel.entity(entityClass);
    }

    // ---- queries ---------------------------------------------------------------------------------------

    @Override
    public CriteriaQuery<Object> createQuery() {
        return new CriteriaQueryImpl<>(this, Object.class);
    }

    @Override
    public <T> CriteriaQuery<T> createQuery(Class<T> resultClass) {
        return new CriteriaQueryImpl<>(this, resultClass);
    }

    @Override
    public CriteriaQuery<Tuple> createTupleQuery() {
        return new CriteriaQueryImpl<>(this, Tuple.class);
    }

    @Override
    public <T> CriteriaUpdate<T> createCriteriaUpdate(Class<T> targetEntity) {
        return new CriteriaUpdateImpl<>(this, targetEntity);
    }

    @Override
    public <T> CriteriaDelete<T> createCriteriaDelete(Class<T> targetEntity) {
        return new CriteriaDeleteImpl<>(this, targetEntity);
    }

    // ---- selections and order --------------------------------------------------------------------------

    @Override
    public <Y> CompoundSelection<Y> construct(Class<Y> resultClass, Selection<?>... selections) {
        return new CompoundSelectionImpl<>(CompoundSelectionImpl.Kind.CONSTRUCT, resultClass, Arrays.asList(selections));
    }

    @Override
    public CompoundSelection<Tuple> tuple(Selection<?>... selections) {
        return tuple(Arrays.asList(selections));
    }

    @Override
    public CompoundSelection<Tuple> tuple(List<Selection<?>> selections) {
        return new CompoundSelectionImpl<>(CompoundSelectionImpl.Kind.TUPLE, Tuple.class, selections);
    }

    @Override
    public CompoundSelection<Object[]> array(Selection<?>... selections) {
        return array(Arrays.asList(selections));
    }

    @Override
    public CompoundSelection<Object[]> array(List<Selection<?>> selections) {
        return new CompoundSelectionImpl<>(CompoundSelectionImpl.Kind.ARRAY, Object[].class, selections);
    }

    @Override
    public Order asc(Expression<?> x) {
        return new OrderImpl(ExpressionImpl.own(x), true, Nulls.NONE);
    }

    @Override
    public Order desc(Expression<?> x) {
        return new OrderImpl(ExpressionImpl.own(x), false, Nulls.NONE);
    }

    @Override
    public Order asc(Expression<?> x, Nulls nulls) {
        return new OrderImpl(ExpressionImpl.own(x), true, nulls);
    }

    @Override
    public Order desc(Expression<?> x, Nulls nulls) {
        return new OrderImpl(ExpressionImpl.own(x), false, nulls);
    }

    @Override
    public Expression<Long> count(Expression<?> x) {
        return new Functions.Count(ExpressionImpl.own(x), false);
    }

    /**
     * {@code COUNT(DISTINCT root)}: each entity once, however many rows a to-many join gives it; of a value: its
     * distinct non-NULL values, counted in Java over the rows read.
     */
    @Override
    public Expression<Long> countDistinct(Expression<?> x) {
        return new Functions.Count(ExpressionImpl.own(x), true);
    }

    // ---- conditions ------------------------------------------------------------------------------------

    @Override
    public Predicate and(Expression<Boolean> x, Expression<Boolean> y) {
        return PredicateImpl.junction(Predicate.BooleanOperator.AND, List.of(x, y));
    }

    @Override
    public Predicate and(Predicate... restrictions) {
        return and(Arrays.asList(restrictions));
    }

    @Override
    public Predicate and(List<Predicate> restrictions) {
        return PredicateImpl.junction(Predicate.BooleanOperator.AND, restrictions);
    }

    @Override
    public Predicate or(Expression<Boolean> x, Expression<Boolean> y) {
        return PredicateImpl.junction(Predicate.BooleanOperator.OR, List.of(x, y));
    }

    @Override
    public Predicate or(Predicate... restrictions) {
        return or(Arrays.asList(restrictions));
    }

    @Override
    public Predicate or(List<Predicate> restrictions) {
        return PredicateImpl.junction(Predicate.BooleanOperator.OR, restrictions);
    }

    @Override
    public Predicate not(Expression<Boolean> restriction) {
        ExpressionImpl<Boolean> e = ExpressionImpl.own(restriction);
        return e instanceof Predicate p ? p.not() : Predicates.truth(e, false);
    }

    @Override
    public Predicate conjunction() {
        return and(List.of());
    }

    @Override
    public Predicate disjunction() {
        return or(List.of());
    }

    @Override
    public Predicate isTrue(Expression<Boolean> x) {
        ExpressionImpl<Boolean> e = ExpressionImpl.own(x);
        return e instanceof Predicate p ? p : Predicates.truth(e, true);
    }

    @Override
    public Predicate isFalse(Expression<Boolean> x) {
        return not(x);
    }

    @Override
    public Predicate isNull(Expression<?> x) {
        return Predicates.isNull(ExpressionImpl.own(x), false);
    }

    @Override
    public Predicate isNotNull(Expression<?> x) {
        return Predicates.isNull(ExpressionImpl.own(x), true);
    }

    @Override
    public Predicate equal(Expression<?> x, Expression<?> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.EQ, ExpressionImpl.own(y));
    }

    @Override
    public Predicate equal(Expression<?> x, Object y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.EQ, typeOperand(x, y));
    }

    /** An entity class compared with {@code path.type()}: the entity's name, which JPQL's TYPE(e) compares with. */
    private Object typeOperand(Expression<?> x, Object y) {
        if (x instanceof EntityTypeImpl<?> && y instanceof Class<?> c) {
            return EntityTypeImpl.entityName(metamodel.entity(c).getName());
        }
        return y;
    }

    @Override
    public Predicate notEqual(Expression<?> x, Expression<?> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.NE, ExpressionImpl.own(y));
    }

    @Override
    public Predicate notEqual(Expression<?> x, Object y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.NE, typeOperand(x, y));
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate greaterThan(Expression<? extends Y> x, Expression<? extends Y> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GT, ExpressionImpl.own(y));
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate greaterThan(Expression<? extends Y> x, Y y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GT, y);
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate greaterThanOrEqualTo(Expression<? extends Y> x, Expression<? extends Y> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GE, ExpressionImpl.own(y));
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate greaterThanOrEqualTo(Expression<? extends Y> x, Y y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GE, y);
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate lessThan(Expression<? extends Y> x, Expression<? extends Y> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LT, ExpressionImpl.own(y));
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate lessThan(Expression<? extends Y> x, Y y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LT, y);
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate lessThanOrEqualTo(Expression<? extends Y> x, Expression<? extends Y> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LE, ExpressionImpl.own(y));
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate lessThanOrEqualTo(Expression<? extends Y> x, Y y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LE, y);
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate between(Expression<? extends Y> v, Expression<? extends Y> x, Expression<? extends Y> y) {
        return Predicates.between(ExpressionImpl.own(v), ExpressionImpl.own(x), ExpressionImpl.own(y));
    }

    @Override
    public <Y extends Comparable<? super Y>> Predicate between(Expression<? extends Y> v, Y x, Y y) {
        return Predicates.between(ExpressionImpl.own(v), new ValueImpl<>(x), new ValueImpl<>(y));
    }

    @Override
    public Predicate gt(Expression<? extends Number> x, Expression<? extends Number> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GT, ExpressionImpl.own(y));
    }

    @Override
    public Predicate gt(Expression<? extends Number> x, Number y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GT, y);
    }

    @Override
    public Predicate ge(Expression<? extends Number> x, Expression<? extends Number> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GE, ExpressionImpl.own(y));
    }

    @Override
    public Predicate ge(Expression<? extends Number> x, Number y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.GE, y);
    }

    @Override
    public Predicate lt(Expression<? extends Number> x, Expression<? extends Number> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LT, ExpressionImpl.own(y));
    }

    @Override
    public Predicate lt(Expression<? extends Number> x, Number y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LT, y);
    }

    @Override
    public Predicate le(Expression<? extends Number> x, Expression<? extends Number> y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LE, ExpressionImpl.own(y));
    }

    @Override
    public Predicate le(Expression<? extends Number> x, Number y) {
        return Predicates.compare(ExpressionImpl.own(x), CompareOp.LE, y);
    }

    @Override
    public <T> CriteriaBuilder.In<T> in(Expression<? extends T> expression) {
        return new InImpl<>(ExpressionImpl.own(expression));
    }

    @Override
    public <C extends Collection<?>> Predicate isEmpty(Expression<C> collection) {
        return Predicates.compare(new Functions.Size(ExpressionImpl.own(collection)), CompareOp.EQ, 0);
    }

    @Override
    public <C extends Collection<?>> Predicate isNotEmpty(Expression<C> collection) {
        return Predicates.compare(new Functions.Size(ExpressionImpl.own(collection)), CompareOp.GT, 0);
    }

    @Override
    public <C extends Collection<?>> Expression<Integer> size(Expression<C> collection) {
        return new Functions.Size(ExpressionImpl.own(collection));
    }

    @Override
    public <E, C extends Collection<E>> Predicate isMember(Expression<E> elem, Expression<C> collection) {
        return Predicates.memberOf(ExpressionImpl.own(elem), ExpressionImpl.own(collection), false);
    }

    @Override
    public <E, C extends Collection<E>> Predicate isMember(E elem, Expression<C> collection) {
        return Predicates.memberOf(new ValueImpl<>(elem), ExpressionImpl.own(collection), false);
    }

    @Override
    public <E, C extends Collection<E>> Predicate isNotMember(Expression<E> elem, Expression<C> collection) {
        return Predicates.memberOf(ExpressionImpl.own(elem), ExpressionImpl.own(collection), true);
    }

    @Override
    public <E, C extends Collection<E>> Predicate isNotMember(E elem, Expression<C> collection) {
        return Predicates.memberOf(new ValueImpl<>(elem), ExpressionImpl.own(collection), true);
    }

    @Override
    public Predicate like(Expression<String> x, Expression<String> pattern) {
        return Predicates.like(ExpressionImpl.own(x), ExpressionImpl.own(pattern), null, false);
    }

    @Override
    public Predicate like(Expression<String> x, String pattern) {
        return Predicates.like(ExpressionImpl.own(x), new ValueImpl<>(pattern), null, false);
    }

    @Override
    public Predicate like(Expression<String> x, Expression<String> pattern, Expression<Character> escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), ExpressionImpl.own(pattern), escape(escapeChar), false);
    }

    @Override
    public Predicate like(Expression<String> x, Expression<String> pattern, char escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), ExpressionImpl.own(pattern), escapeChar, false);
    }

    @Override
    public Predicate like(Expression<String> x, String pattern, Expression<Character> escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), new ValueImpl<>(pattern), escape(escapeChar), false);
    }

    @Override
    public Predicate like(Expression<String> x, String pattern, char escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), new ValueImpl<>(pattern), escapeChar, false);
    }

    @Override
    public Predicate notLike(Expression<String> x, Expression<String> pattern) {
        return Predicates.like(ExpressionImpl.own(x), ExpressionImpl.own(pattern), null, true);
    }

    @Override
    public Predicate notLike(Expression<String> x, String pattern) {
        return Predicates.like(ExpressionImpl.own(x), new ValueImpl<>(pattern), null, true);
    }

    @Override
    public Predicate notLike(Expression<String> x, Expression<String> pattern, Expression<Character> escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), ExpressionImpl.own(pattern), escape(escapeChar), true);
    }

    @Override
    public Predicate notLike(Expression<String> x, Expression<String> pattern, char escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), ExpressionImpl.own(pattern), escapeChar, true);
    }

    @Override
    public Predicate notLike(Expression<String> x, String pattern, Expression<Character> escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), new ValueImpl<>(pattern), escape(escapeChar), true);
    }

    @Override
    public Predicate notLike(Expression<String> x, String pattern, char escapeChar) {
        return Predicates.like(ExpressionImpl.own(x), new ValueImpl<>(pattern), escapeChar, true);
    }

    private static Character escape(Expression<Character> e) {
        if (ExpressionImpl.own(e) instanceof ValueImpl<Character> v) {
            return v.value();
        }
        throw Unsupported.construct("LIKE with an ESCAPE character that is not a literal: CriteriaBuilder.like");
    }

    // ---- values and functions --------------------------------------------------------------------------

    @Override
    public <T> Expression<T> literal(T value) {
        return new ValueImpl<>(value);
    }

    @Override
    public <T> ParameterExpression<T> parameter(Class<T> paramClass) {
        return new ParameterImpl<>(paramClass, null, parameters.incrementAndGet());
    }

    @Override
    public <T> ParameterExpression<T> parameter(Class<T> paramClass, String name) {
        return new ParameterImpl<>(paramClass, name, 0);
    }

    @Override
    public Expression<String> lower(Expression<String> x) {
        return new Functions.Case(false, ExpressionImpl.own(x));
    }

    @Override
    public Expression<String> upper(Expression<String> x) {
        return new Functions.Case(true, ExpressionImpl.own(x));
    }

    // ---- string and numeric functions, arithmetic: evaluated in Java after the read -------------------

    private static ExpressionImpl<?> arg(Object value) {
        return value instanceof Expression<?> e ? ExpressionImpl.own(e) : new ValueImpl<>(value);
    }

    @SuppressWarnings("unchecked")
    private static <N> Expression<N> calc(String function, Object... arguments) {
        List<ExpressionImpl<?>> args = new java.util.ArrayList<>();
        for (Object a : arguments) {
            args.add(arg(a));
        }
        Class<?> type = switch (function) {
            case "LENGTH", "LOCATE", "MOD", "SIGN" -> Integer.class;
            case "CONCAT", "SUBSTRING", "LEFT", "RIGHT", "REPLACE" -> String.class;
            case "SQRT", "EXP", "LN", "POWER" -> Double.class;
            case "+", "-", "*", "/" -> widest(args);
            default -> args.get(0).getJavaType() != null ? args.get(0).getJavaType() : Number.class;
        };
        return new Functions.Calc<>((Class<N>) type, function, args);
    }

    /** The widest operand's type (JPA 4.8.6), a value's too: {@code prod(quantity, 10F)} is a Float. */
    private static Class<?> widest(List<ExpressionImpl<?>> operands) {
        Class<?> type = null;
        for (ExpressionImpl<?> o : operands) {
            Class<?> t = o.getJavaType() == null ? null : Types.wrap(o.getJavaType());
            type = type == null ? t : t == null ? type : Types.wider(type, t);
        }
        return type != null ? type : Number.class;
    }

    @Override
    public Expression<Integer> length(Expression<String> x) {
        return calc("LENGTH", x);
    }

    @Override
    public Expression<String> concat(List<Expression<String>> expressions) {
        return calc("CONCAT", expressions.toArray());
    }

    @Override
    public Expression<String> concat(Expression<String> x, Expression<String> y) {
        return calc("CONCAT", x, y);
    }

    @Override
    public Expression<String> concat(Expression<String> x, String y) {
        return calc("CONCAT", x, y);
    }

    @Override
    public Expression<String> concat(String x, Expression<String> y) {
        return calc("CONCAT", x, y);
    }

    @Override
    public Expression<String> substring(Expression<String> x, Expression<Integer> from) {
        return calc("SUBSTRING", x, from);
    }

    @Override
    public Expression<String> substring(Expression<String> x, int from) {
        return calc("SUBSTRING", x, from);
    }

    @Override
    public Expression<String> substring(Expression<String> x, Expression<Integer> from, Expression<Integer> len) {
        return calc("SUBSTRING", x, from, len);
    }

    @Override
    public Expression<String> substring(Expression<String> x, int from, int len) {
        return calc("SUBSTRING", x, from, len);
    }

    /** JPQL's LOCATE takes the string searched for first. */
    @Override
    public Expression<Integer> locate(Expression<String> x, Expression<String> pattern) {
        return calc("LOCATE", pattern, x);
    }

    @Override
    public Expression<Integer> locate(Expression<String> x, String pattern) {
        return calc("LOCATE", pattern, x);
    }

    @Override
    public Expression<Integer> locate(Expression<String> x, Expression<String> pattern, Expression<Integer> from) {
        return calc("LOCATE", pattern, x, from);
    }

    @Override
    public Expression<Integer> locate(Expression<String> x, String pattern, int from) {
        return calc("LOCATE", pattern, x, from);
    }

    private static Expression<String> trimmed(CriteriaBuilder.Trimspec side, Object character, Expression<String> x) {
        List<ExpressionImpl<?>> args = new java.util.ArrayList<>();
        args.add(character == null ? null : arg(character));
        args.add(ExpressionImpl.own(x));
        return new Functions.Calc<>(String.class, "TRIM", args, side.name());
    }

    @Override
    public Expression<String> trim(Expression<String> x) {
        return trimmed(CriteriaBuilder.Trimspec.BOTH, null, x);
    }

    @Override
    public Expression<String> trim(CriteriaBuilder.Trimspec ts, Expression<String> x) {
        return trimmed(ts, null, x);
    }

    @Override
    public Expression<String> trim(Expression<Character> t, Expression<String> x) {
        return trimmed(CriteriaBuilder.Trimspec.BOTH, t, x);
    }

    @Override
    public Expression<String> trim(CriteriaBuilder.Trimspec ts, Expression<Character> t, Expression<String> x) {
        return trimmed(ts, t, x);
    }

    @Override
    public Expression<String> trim(char t, Expression<String> x) {
        return trimmed(CriteriaBuilder.Trimspec.BOTH, String.valueOf(t), x);
    }

    @Override
    public Expression<String> trim(CriteriaBuilder.Trimspec ts, char t, Expression<String> x) {
        return trimmed(ts, String.valueOf(t), x);
    }

    @Override
    public <N extends Number> Expression<N> abs(Expression<N> x) {
        return calc("ABS", x);
    }

    @Override
    public <N extends Number> Expression<N> neg(Expression<N> x) {
        return calc("NEG", x);
    }

    @Override
    public Expression<Integer> mod(Expression<Integer> x, Expression<Integer> y) {
        return calc("MOD", x, y);
    }

    @Override
    public Expression<Integer> mod(Expression<Integer> x, Integer y) {
        return calc("MOD", x, y);
    }

    @Override
    public Expression<Integer> mod(Integer x, Expression<Integer> y) {
        return calc("MOD", x, y);
    }

    @Override
    public <N extends Number> Expression<N> sum(Expression<? extends N> x, Expression<? extends N> y) {
        return calc("+", x, y);
    }

    @Override
    public <N extends Number> Expression<N> sum(Expression<? extends N> x, N y) {
        return calc("+", x, y);
    }

    @Override
    public <N extends Number> Expression<N> sum(N x, Expression<? extends N> y) {
        return calc("+", x, y);
    }

    @Override
    public <N extends Number> Expression<N> diff(Expression<? extends N> x, Expression<? extends N> y) {
        return calc("-", x, y);
    }

    @Override
    public <N extends Number> Expression<N> diff(Expression<? extends N> x, N y) {
        return calc("-", x, y);
    }

    @Override
    public <N extends Number> Expression<N> diff(N x, Expression<? extends N> y) {
        return calc("-", x, y);
    }

    @Override
    public <N extends Number> Expression<N> prod(Expression<? extends N> x, Expression<? extends N> y) {
        return calc("*", x, y);
    }

    @Override
    public <N extends Number> Expression<N> prod(Expression<? extends N> x, N y) {
        return calc("*", x, y);
    }

    @Override
    public <N extends Number> Expression<N> prod(N x, Expression<? extends N> y) {
        return calc("*", x, y);
    }

    @Override
    public Expression<Number> quot(Expression<? extends Number> x, Expression<? extends Number> y) {
        return calc("/", x, y);
    }

    @Override
    public Expression<Number> quot(Expression<? extends Number> x, Number y) {
        return calc("/", x, y);
    }

    @Override
    public Expression<Number> quot(Number x, Expression<? extends Number> y) {
        return calc("/", x, y);
    }

    // ---- aggregates: select items computed in Java over the rows read ------------------------------------

    @SuppressWarnings("unchecked")
    private static <T> Expression<T> aggregate(String function, Class<?> type, Expression<?> x) {
        ExpressionImpl<?> argument = ExpressionImpl.own(x);
        return new Functions.Calc<>((Class<T>) (type != null ? type : argument.getJavaType()), function, List.of(argument));
    }

    @Override
    public <N extends Number> Expression<Double> avg(Expression<N> x) {
        return aggregate("AVG", Double.class, x);
    }

    @Override
    public <N extends Number> Expression<N> sum(Expression<N> x) {
        return aggregate("SUM", null, x);
    }

    @Override
    public Expression<Long> sumAsLong(Expression<Integer> x) {
        return aggregate("SUM", Long.class, x);
    }

    @Override
    public Expression<Double> sumAsDouble(Expression<Float> x) {
        return aggregate("SUM", Double.class, x);
    }

    @Override
    public <N extends Number> Expression<N> max(Expression<N> x) {
        return aggregate("MAX", null, x);
    }

    @Override
    public <N extends Number> Expression<N> min(Expression<N> x) {
        return aggregate("MIN", null, x);
    }

    @Override
    public <X extends Comparable<? super X>> Expression<X> greatest(Expression<X> x) {
        return aggregate("MAX", null, x);
    }

    @Override
    public <X extends Comparable<? super X>> Expression<X> least(Expression<X> x) {
        return aggregate("MIN", null, x);
    }

    // <generated: every other method of the interface is a construct Jynamo refuses>
    @Override
    public Predicate exists(Subquery<?> arg0) {
        throw Unsupported.construct("CriteriaBuilder.exists");
    }

    @Override
    public <Y> Expression<Y> all(Subquery<Y> arg0) {
        throw Unsupported.construct("CriteriaBuilder.all");
    }

    @Override
    public <Y> Expression<Y> some(Subquery<Y> arg0) {
        throw Unsupported.construct("CriteriaBuilder.some");
    }

    @Override
    public <Y> Expression<Y> any(Subquery<Y> arg0) {
        throw Unsupported.construct("CriteriaBuilder.any");
    }

    @Override
    public Expression<Integer> sign(Expression<? extends Number> arg0) {
        return calc("SIGN", arg0);
    }

    @Override
    public <N extends Number> Expression<N> ceiling(Expression<N> arg0) {
        return calc("CEILING", arg0);
    }

    @Override
    public <N extends Number> Expression<N> floor(Expression<N> arg0) {
        return calc("FLOOR", arg0);
    }

    @Override
    public Expression<Double> sqrt(Expression<? extends Number> arg0) {
        return calc("SQRT", arg0);
    }

    @Override
    public Expression<Double> exp(Expression<? extends Number> arg0) {
        return calc("EXP", arg0);
    }

    @Override
    public Expression<Double> ln(Expression<? extends Number> arg0) {
        return calc("LN", arg0);
    }

    @Override
    public Expression<Double> power(Expression<? extends Number> arg0, Expression<? extends Number> arg1) {
        return calc("POWER", arg0, arg1);
    }

    @Override
    public Expression<Double> power(Expression<? extends Number> arg0, Number arg1) {
        return calc("POWER", arg0, arg1);
    }

    @Override
    public <T extends Number> Expression<T> round(Expression<T> arg0, Integer arg1) {
        return calc("ROUND", arg0, arg1);
    }

    @Override
    public Expression<Long> toLong(Expression<? extends Number> arg0) {
        return new Computations.Keyword<>(Long.class, "CAST", ExpressionImpl.own(arg0), "LONG");
    }

    @Override
    public Expression<Integer> toInteger(Expression<? extends Number> arg0) {
        return new Computations.Keyword<>(Integer.class, "CAST", ExpressionImpl.own(arg0), "INTEGER");
    }

    @Override
    public Expression<Float> toFloat(Expression<? extends Number> arg0) {
        return new Computations.Keyword<>(Float.class, "CAST", ExpressionImpl.own(arg0), "FLOAT");
    }

    @Override
    public Expression<Double> toDouble(Expression<? extends Number> arg0) {
        return new Computations.Keyword<>(Double.class, "CAST", ExpressionImpl.own(arg0), "DOUBLE");
    }

    @Override
    public Expression<BigDecimal> toBigDecimal(Expression<? extends Number> arg0) {
        return new Computations.Keyword<>(BigDecimal.class, "CAST", ExpressionImpl.own(arg0), "BIGDECIMAL");
    }

    @Override
    public Expression<BigInteger> toBigInteger(Expression<? extends Number> arg0) {
        return new Computations.Keyword<>(BigInteger.class, "CAST", ExpressionImpl.own(arg0), "BIGINTEGER");
    }

    @Override
    public Expression<String> toString(Expression<Character> arg0) {
        return new Computations.Keyword<>(String.class, "CAST", ExpressionImpl.own(arg0), "STRING");
    }

    @Override
    public <T> Expression<T> nullLiteral(Class<T> arg0) {
        throw Unsupported.construct("CriteriaBuilder.nullLiteral");
    }

    @Override
    public <C extends Collection<?>> Expression<Integer> size(C arg0) {
        throw Unsupported.construct("CriteriaBuilder.size");
    }

    @Override
    public <V, M extends Map<?, V>> Expression<Collection<V>> values(M arg0) {
        throw Unsupported.construct("CriteriaBuilder.values");
    }

    @Override
    public <K, M extends Map<K, ?>> Expression<Set<K>> keys(M arg0) {
        throw Unsupported.construct("CriteriaBuilder.keys");
    }

    @Override
    public Expression<String> left(Expression<String> arg0, int arg1) {
        return calc("LEFT", arg0, arg1);
    }

    @Override
    public Expression<String> right(Expression<String> arg0, int arg1) {
        return calc("RIGHT", arg0, arg1);
    }

    @Override
    public Expression<String> left(Expression<String> arg0, Expression<Integer> arg1) {
        return calc("LEFT", arg0, arg1);
    }

    @Override
    public Expression<String> right(Expression<String> arg0, Expression<Integer> arg1) {
        return calc("RIGHT", arg0, arg1);
    }

    @Override
    public Expression<String> replace(Expression<String> arg0, Expression<String> arg1, Expression<String> arg2) {
        return calc("REPLACE", arg0, arg1, arg2);
    }

    @Override
    public Expression<String> replace(Expression<String> arg0, String arg1, Expression<String> arg2) {
        return calc("REPLACE", arg0, arg1, arg2);
    }

    @Override
    public Expression<String> replace(Expression<String> arg0, Expression<String> arg1, String arg2) {
        return calc("REPLACE", arg0, arg1, arg2);
    }

    @Override
    public Expression<String> replace(Expression<String> arg0, String arg1, String arg2) {
        return calc("REPLACE", arg0, arg1, arg2);
    }

    @Override
    public Expression<java.sql.Date> currentDate() {
        return new Computations.Keyword<>(java.sql.Date.class, "CURRENT_DATE");
    }

    @Override
    public Expression<java.sql.Timestamp> currentTimestamp() {
        return new Computations.Keyword<>(java.sql.Timestamp.class, "CURRENT_TIMESTAMP");
    }

    @Override
    public Expression<java.sql.Time> currentTime() {
        return new Computations.Keyword<>(java.sql.Time.class, "CURRENT_TIME");
    }

    @Override
    public Expression<LocalDate> localDate() {
        return new Computations.Keyword<>(LocalDate.class, "LOCAL DATE");
    }

    @Override
    public Expression<LocalDateTime> localDateTime() {
        return new Computations.Keyword<>(LocalDateTime.class, "LOCAL DATETIME");
    }

    @Override
    public Expression<LocalTime> localTime() {
        return new Computations.Keyword<>(LocalTime.class, "LOCAL TIME");
    }

    @Override
    public <N, T extends java.time.temporal.Temporal> Expression<N> extract(TemporalField<N, T> arg0, Expression<T> arg1) {
        String field = arg0.toString().toUpperCase(java.util.Locale.ROOT);
        Class<?> type = switch (field) {
            case "SECOND" -> Double.class;
            case "DATE" -> LocalDate.class;
            case "TIME" -> LocalTime.class;
            default -> Integer.class;
        };
        return new Computations.Keyword<>((Class<N>) type, "EXTRACT", field, ExpressionImpl.own(arg1));
    }

    @Override
    public <Y> Expression<Y> coalesce(Expression<? extends Y> arg0, Expression<? extends Y> arg1) {
        return calc("COALESCE", arg0, arg1);
    }

    @Override
    public <Y> Expression<Y> coalesce(Expression<? extends Y> arg0, Y arg1) {
        return calc("COALESCE", arg0, arg1);
    }

    @Override
    public <Y> Expression<Y> nullif(Expression<Y> arg0, Expression<?> arg1) {
        return calc("NULLIF", arg0, arg1);
    }

    @Override
    public <Y> Expression<Y> nullif(Expression<Y> arg0, Y arg1) {
        return calc("NULLIF", arg0, arg1);
    }

    @Override
    public <T> CriteriaBuilder.Coalesce<T> coalesce() {
        return new Computations.CoalesceImpl<>();
    }

    @Override
    public <C, R> CriteriaBuilder.SimpleCase<C, R> selectCase(Expression<? extends C> arg0) {
        return new Computations.SimpleCase<>(ExpressionImpl.own((Expression<C>) arg0));
    }

    @Override
    public <R> CriteriaBuilder.Case<R> selectCase() {
        return new Computations.SearchedCase<>();
    }

    @Override
    public <T> Expression<T> function(String arg0, Class<T> arg1, Expression<?>... arg2) {
        throw Unsupported.construct("CriteriaBuilder.function");
    }

    @Override
    public <X, T, V extends T> Join<X, V> treat(Join<X, T> arg0, Class<V> arg1) {
        return treated(arg0, arg1);
    }

    @Override
    public <X, T, E extends T> CollectionJoin<X, E> treat(CollectionJoin<X, T> arg0, Class<E> arg1) {
        return treated(arg0, arg1);
    }

    @Override
    public <X, T, E extends T> SetJoin<X, E> treat(SetJoin<X, T> arg0, Class<E> arg1) {
        return treated(arg0, arg1);
    }

    @Override
    public <X, T, E extends T> ListJoin<X, E> treat(ListJoin<X, T> arg0, Class<E> arg1) {
        return treated(arg0, arg1);
    }

    @Override
    public <X, K, T, V extends T> MapJoin<X, K, V> treat(MapJoin<X, K, T> arg0, Class<V> arg1) {
        return treated(arg0, arg1);
    }

    @Override
    public <X, T extends X> Path<T> treat(Path<X> arg0, Class<T> arg1) {
        return treated(arg0, arg1);
    }

    @Override
    public <X, T extends X> Root<T> treat(Root<X> arg0, Class<T> arg1) {
        return treated(arg0, arg1);
    }

    /**
     * TREAT as the type the path has already (or a supertype of it) is the path itself; TREAT as a subclass is not
     * supported (JPQL's TREAT is not either).
     */
    @SuppressWarnings("unchecked")
    private static <R> R treated(Expression<?> path, Class<?> type) {
        ExpressionImpl<?> own = ExpressionImpl.own(path);
        if (type != null && type.isAssignableFrom(own.getJavaType())) {
            return (R) own;
        }
        throw Unsupported.construct("TREAT of " + own + " as " + (type == null ? null : type.getSimpleName())
                + " (a subclass; JPQL's TREAT is not supported either: query the subclass's entity instead; only TREAT as"
                + " the path's own type or a supertype is accepted): CriteriaBuilder.treat");
    }

    @Override
    public <T> CriteriaSelect<T> union(CriteriaSelect<? extends T> arg0, CriteriaSelect<? extends T> arg1) {
        throw Unsupported.construct("CriteriaBuilder.union");
    }

    @Override
    public <T> CriteriaSelect<T> unionAll(CriteriaSelect<? extends T> arg0, CriteriaSelect<? extends T> arg1) {
        throw Unsupported.construct("CriteriaBuilder.unionAll");
    }

    @Override
    public <T> CriteriaSelect<T> intersect(CriteriaSelect<? super T> arg0, CriteriaSelect<? super T> arg1) {
        throw Unsupported.construct("CriteriaBuilder.intersect");
    }

    @Override
    public <T> CriteriaSelect<T> intersectAll(CriteriaSelect<? super T> arg0, CriteriaSelect<? super T> arg1) {
        throw Unsupported.construct("CriteriaBuilder.intersectAll");
    }

    @Override
    public <T> CriteriaSelect<T> except(CriteriaSelect<T> arg0, CriteriaSelect<?> arg1) {
        throw Unsupported.construct("CriteriaBuilder.except");
    }

    @Override
    public <T> CriteriaSelect<T> exceptAll(CriteriaSelect<T> arg0, CriteriaSelect<?> arg1) {
        throw Unsupported.construct("CriteriaBuilder.exceptAll");
    }
    // </generated>
}
