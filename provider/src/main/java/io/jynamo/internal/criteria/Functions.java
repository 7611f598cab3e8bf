package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;

/**
 * The functions of the JPQL subset: {@code SIZE}, {@code UPPER}/{@code LOWER}, the string and numeric functions and
 * arithmetic evaluated in Java after the read ({@link Calc}), and {@code COUNT} (a selection only).
 */
final class Functions {
    private Functions() {
    }

    /** {@code SIZE(collection)}. */
    static final class Size extends ExpressionImpl<Integer> {
        private final PathImpl<?> collection;

        Size(ExpressionImpl<?> collection) {
            super(Integer.class);
            if (!(collection instanceof PathImpl<?> p) || !p.plural()) {
                throw new IllegalArgumentException("SIZE needs a collection attribute path, not " + collection);
            }
            this.collection = p;
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            Lowered<Expr> c = collection.lower(l);
            return new Lowered<>(new SizeExpr((PathExpr) c.node(), Lowering.POS), "SIZE(" + c.text() + ")");
        }
    }

    /** {@code UPPER(x)} or {@code LOWER(x)}. */
    static final class Case extends ExpressionImpl<String> {
        private final boolean upper;
        private final ExpressionImpl<String> argument;

        Case(boolean upper, ExpressionImpl<String> argument) {
            super(String.class);
            this.upper = upper;
            this.argument = argument;
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            Lowered<Expr> a = argument.lower(l);
            return new Lowered<>(new CaseFunction(upper, a.node(), Lowering.POS), (upper ? "UPPER(" : "LOWER(") + a.text() + ")");
        }
    }

    /** {@code COUNT(x)} or {@code COUNT(DISTINCT x)}: the selection of a count query. */
    static final class Count extends ExpressionImpl<Long> {
        private final ExpressionImpl<?> argument;
        private final boolean distinct;

        Count(ExpressionImpl<?> argument, boolean distinct) {
            super(Long.class);
            this.argument = argument;
            this.distinct = distinct;
        }

        ExpressionImpl<?> argument() {
            return argument;
        }

        /** Whether each entity counts once however many joined rows it has. */
        boolean distinct() {
            return distinct;
        }

        /**
         * Beside other aggregates in a multiselect, or of distinct values: an aggregate computed in Java (the
         * selection alone of the root or of an attribute is DynamoDB's COUNT).
         */
        @Override
        Lowered<Expr> lower(Lowering l) {
            boolean root = argument instanceof RootImpl<?>;
            if (distinct && root) {
                throw Unsupported.construct("COUNT(DISTINCT root) beside other select items: CriteriaBuilder.countDistinct");
            }
            Lowered<Expr> counted = root ? new Lowered<>(new Literal(1L, Lowering.POS), "1") : argument.lower(l);
            return new Lowered<>(new Computed("COUNT", distinct ? java.util.List.of(counted.node(), Computed.DISTINCT)
                    : java.util.List.of(counted.node()), Lowering.POS),
                    "COUNT(" + (distinct ? "DISTINCT " : "") + counted.text() + ")");
        }

        /** Whether DynamoDB's COUNT serves it as the whole selection: of the root, or of one attribute, not DISTINCT. */
        boolean dynamoCount() {
            return argument instanceof RootImpl<?> || !distinct;
        }
    }

    /**
     * {@code LENGTH}, {@code LOCATE}, {@code SUBSTRING}, {@code CONCAT}, {@code TRIM}, {@code ABS}, {@code MOD},
     * {@code + - * /} and {@code NEG}: evaluated in Java after the read, under {@code jynamo.client-side}.
     */
    static final class Calc<T> extends ExpressionImpl<T> {
        private final String function;
        private final java.util.List<ExpressionImpl<?>> arguments;
        private final String trimSide;

        Calc(Class<? extends T> type, String function, java.util.List<ExpressionImpl<?>> arguments) {
            this(type, function, arguments, null);
        }

        /** {@code TRIM}: the side, then the character (an expression, or {@code null} for blanks) and the string. */
        Calc(Class<? extends T> type, String function, java.util.List<ExpressionImpl<?>> arguments, String trimSide) {
            super(type);
            this.function = function;
            this.arguments = arguments;
            this.trimSide = trimSide;
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            java.util.List<Expr> nodes = new java.util.ArrayList<>();
            java.util.List<String> texts = new java.util.ArrayList<>();
            if (trimSide != null) {
                nodes.add(new Literal(trimSide, Lowering.POS));
                if (arguments.get(0) == null) {
                    nodes.add(new Literal(null, Lowering.POS));
                }
            }
            for (ExpressionImpl<?> a : arguments) {
                if (a != null) {
                    Lowered<Expr> e = a.lower(l);
                    nodes.add(e.node());
                    texts.add(e.text());
                }
            }
            String text;
            if (trimSide != null) {
                text = "TRIM(" + trimSide + (texts.size() > 1 ? " " + texts.get(0) : "") + " FROM " + texts.get(texts.size() - 1) + ")";
            } else if (function.length() == 1) {
                text = "(" + String.join(" " + function + " ", texts) + ")";
            } else {
                text = function.equals("NEG") ? "-" + texts.get(0) : function + "(" + String.join(", ", texts) + ")";
            }
            return new Lowered<>(new Computed(function, nodes, Lowering.POS), text);
        }
    }
}
