package io.jynamo.internal.criteria;

import io.jynamo.internal.query.Shaping;
import io.jynamo.jpql.SelectKind;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.Statement;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import java.util.Arrays;
import java.util.List;

/**
 * A criteria bulk DELETE, lowered to the statement {@code DELETE FROM E e WHERE ...} parses to.
 *
 * @param <T> the entity class
 */
final class CriteriaDeleteImpl<T> extends BulkCriteria<T> implements CriteriaDelete<T> {

    CriteriaDeleteImpl(CriteriaBuilderImpl builder, Class<T> entityClass) {
        super(builder, entityClass, "CriteriaDelete");
    }

    @Override
    public CriteriaStatement lower() {
        Lowering l = new Lowering();
        RootImpl<?> root = (RootImpl<?>) getRoot();
        String variable = l.variable(root);
        root.refuseJoins("CriteriaDelete");
        Lowered<Condition> where = clauses.where(l);
        Statement statement = new Statement(StatementKind.DELETE, root.getModel().getName(), Lowering.POS, variable,
                SelectKind.ENTITY, List.of(), List.of(), where == null ? null : where.node(), null);
        String text = "DELETE FROM " + root.getModel().getName() + " " + variable + (where == null ? "" : " WHERE " + where.text());
        return new CriteriaStatement(statement, text, new Shaping(l.preset(), l.visible(), null, null));
    }

    @Override
    public CriteriaDelete<T> where(Expression<Boolean> restriction) {
        clauses.where(restriction);
        return this;
    }

    @Override
    public CriteriaDelete<T> where(Predicate... restrictions) {
        clauses.where(Arrays.asList(restrictions));
        return this;
    }
}
