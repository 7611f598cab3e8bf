package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;

/** The functions of the JPQL subset: {@code SIZE}, {@code UPPER}/{@code LOWER}, and {@code COUNT} (a selection only). */
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

    /** {@code COUNT(x)}: the selection of a count query. */
    static final class Count extends ExpressionImpl<Long> {
        private final ExpressionImpl<?> argument;

        Count(ExpressionImpl<?> argument) {
            super(Long.class);
            this.argument = argument;
        }

        ExpressionImpl<?> argument() {
            return argument;
        }

        @Override
        Lowered<Expr> lower(Lowering l) {
            throw Unsupported.construct("COUNT anywhere but as the selection: CriteriaBuilder.count");
        }
    }
}
