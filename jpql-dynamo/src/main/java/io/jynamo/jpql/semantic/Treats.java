package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.And;
import io.jynamo.jpql.ast.Condition;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code TREAT(e AS Sub).a} in an AND-ed condition of WHERE: a row whose entity is no {@code Sub} has no value for the
 * path, so the condition is not true and the row is not returned (JPA 4.4.9); the statement is therefore one of
 * {@code Sub}, with the paths as they are below TREAT: {@code SELECT p.name FROM Product p WHERE TREAT(p AS
 * SoftwareProduct).revision = 1} reads the software products. Elsewhere (under OR or NOT, in SELECT or ORDER BY,
 * of a relationship) it is refused.
 */
final class Treats {
    private Treats() {
    }

    static Statement rewrite(Statement s, EntityInfo root, QueryModel model) {
        List<PathExpr> treated = new ArrayList<>();
        Statement stripped = Variables.mapPaths(s, p -> {
            if (treatAt(p) < 0) {
                return p;
            }
            treated.add(p);
            List<String> names = new ArrayList<>(p.names());
            names.remove(treatAt(p));
            return new PathExpr(names, p.pos(), p.attribute());
        });
        if (treated.isEmpty()) {
            return s;
        }
        List<PathExpr> inConjuncts = new ArrayList<>();
        if (s.where() != null) {
            for (Condition c : Condition.conjuncts(s.where())) {
                if (!(c instanceof And) && !(c instanceof io.jynamo.jpql.ast.Or) && !(c instanceof io.jynamo.jpql.ast.Not)) {
                    Condition.mapPaths(c, collect(inConjuncts));
                }
            }
        }
        String sub = null;
        for (PathExpr p : treated) {
            if (!inConjuncts.contains(p) || treatAt(p) != 1 || !p.names().get(0).equals(s.variable())) {
                throw p.pos().error("TREAT is supported on the queried entity " + s.variable() + " in AND-ed WHERE conditions"
                        + " only", "query the subclass itself (FROM Sub x), or test TYPE(" + s.variable() + ")");
            }
            String named = p.names().get(1).substring(AttributeInfo.TREAT_PREFIX.length());
            if (sub != null && !sub.equals(named)) {
                throw p.pos().error("TREAT names both " + sub + " and " + named, "query one subclass at a time");
            }
            sub = named;
        }
        String name = sub;
        PathExpr first = treated.get(0);
        EntityInfo target = model.entity(name).orElseThrow(() -> first.pos().error("unknown entity '" + name + "' in TREAT",
                "name an entity subclass of " + root.name()));
        if (root.javaType() == null || target.javaType() == null || !root.javaType().isAssignableFrom(target.javaType())) {
            throw first.pos().error("TREAT(" + s.variable() + " AS " + name + "): " + name + " is no subclass of "
                    + root.name(), "name an entity that extends " + root.name());
        }
        return new Statement(stripped.kind(), name, stripped.entityPos(), stripped.variable(), stripped.selectKind(),
                stripped.selected(), stripped.sets(), stripped.where(), stripped.order(), stripped.joins(), stripped.shape(),
                stripped.distinct());
    }

    /** The index of a path's TREAT segment, or -1. */
    private static int treatAt(PathExpr p) {
        for (int i = 0; i < p.names().size(); i++) {
            if (p.names().get(i).startsWith(AttributeInfo.TREAT_PREFIX)) {
                return i;
            }
        }
        return -1;
    }

    private static UnaryOperator<PathExpr> collect(List<PathExpr> into) {
        return p -> {
            into.add(p);
            return p;
        };
    }
}
