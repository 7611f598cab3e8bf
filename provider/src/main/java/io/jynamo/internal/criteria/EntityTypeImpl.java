package io.jynamo.internal.criteria;

import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.model.AttributeInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code path.type()}: JPQL's {@code TYPE(e)}, the entity class of each row, compared in WHERE with entity classes
 * ({@code cb.equal(root.type(), Car.class)}, which becomes {@code TYPE(e0) = Car}).
 *
 * @param <X> the path's type
 */
final class EntityTypeImpl<X> extends ExpressionImpl<Class<? extends X>> {
    private final PathImpl<X> path;

    @SuppressWarnings({"unchecked", "rawtypes"})
    EntityTypeImpl(PathImpl<X> path) {
        super((Class) Class.class);
        this.path = path;
    }

    @Override
    Lowered<Expr> lower(Lowering l) {
        List<String> names = new ArrayList<>(path.names(l));
        String text = "TYPE(" + String.join(".", names) + ")";
        names.add(AttributeInfo.TYPE_PATH);
        return new Lowered<>(new PathExpr(names, Lowering.POS, null), text);
    }

    /** An entity class an entity type is compared with: the entity's name, as JPQL writes it ({@code TYPE(e) = Car}). */
    static ExpressionImpl<?> entityName(String name) {
        return new ExpressionImpl<Object>(Object.class) {
            @Override
            Lowered<Expr> lower(Lowering l) {
                return new Lowered<>(new Literal(name, Lowering.POS), name);
            }
        };
    }
}
