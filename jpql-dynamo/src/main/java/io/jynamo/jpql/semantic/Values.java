package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Computed;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Literal;
import io.jynamo.jpql.ast.Param;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Types the value side of a condition or assignment against its {@link Target}: registers parameters with
 * the type they must have, converts literals and resolves enum constants; attributes are refused here.
 */
final class Values {
    private final Scope scope;
    private final ParameterTypes params;

    Values(Scope scope, ParameterTypes params) {
        this.scope = scope;
        this.params = params;
    }

    Expr value(Expr e, Target t, String role) {
        if (e instanceof Param p) {
            params.register(p, t.type(), t.collectionAllowed());
            return p;
        }
        if (e instanceof Literal l) {
            return new Literal(Literals.convert(l, t), l.pos());
        }
        if (e instanceof Computed c) {
            throw c.pos().error((c.operator() || c.function().equals("NEG") ? "arithmetic" : c.function())
                            + " is not supported as " + role,
                    "functions and arithmetic run in Java only in WHERE comparisons, BETWEEN, LIKE, IN and IS NULL "
                            + "of attributes; pass the computed value as a parameter");
        }
        if (e instanceof CaseFunction f) {
            scope.checkNoCaseOnAttribute(f);
            if (t.type() != String.class && t.type() != Object.class) {
                throw f.pos().error((f.upper() ? "UPPER" : "LOWER") + " produces a String but " + t.text()
                        + " is " + t.type().getName(), null);
            }
            Expr arg = value(f.argument(), new Target(String.class, null, t.text(), false), role);
            if (arg instanceof Literal l) {
                Object v = l.value();
                if (v == null) {
                    return new Literal(null, f.pos());
                }
                String s = (String) v;
                return new Literal(f.upper() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT), f.pos());
            }
            return new CaseFunction(f.upper(), arg, f.pos());
        }
        if (e instanceof SizeExpr s) {
            throw s.pos().error("SIZE(...) is not allowed as " + role, "compare SIZE(e.collection) with a number");
        }
        PathExpr p = (PathExpr) e;
        if (scope.rootedAtVariable(p)) {
            if (p.names().size() > 1) {
                scope.attribute(p); // reports unknown attributes first
            }
            throw p.pos().error("an attribute is not allowed as " + role, "use a literal or a parameter");
        }
        return new Literal(enumConstant(p, t), p.pos());
    }

    private Object enumConstant(PathExpr p, Target t) {
        List<String> names = p.names();
        Class<?> type = t.type();
        String constant = names.get(names.size() - 1);
        if (type.isEnum()) {
            if (names.size() > 1) {
                String qualifier = String.join(".", names.subList(0, names.size() - 1));
                if (!qualifier.equals(type.getName()) && !qualifier.equals(type.getCanonicalName())
                        && !qualifier.equals(type.getSimpleName())) {
                    throw p.pos().error("'" + p.text() + "' is not a constant of " + type.getName() + " ("
                            + t.text() + ")", "write " + type.getCanonicalName() + "." + Literals.firstConstant(type)
                            + " or just " + Literals.firstConstant(type));
                }
            }
            for (Object c : type.getEnumConstants()) {
                if (((Enum<?>) c).name().equals(constant)) {
                    return c;
                }
            }
            List<String> known = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                known.add(((Enum<?>) c).name());
            }
            throw p.pos().error("'" + constant + "' is not a constant of " + type.getName(), "constants: " + known);
        }
        if (names.size() == 1) {
            throw p.pos().error("unknown identifier '" + p.text() + "'",
                    "attributes are written " + scope.variable() + ".<attribute>; strings in single quotes");
        }
        Class<?> enumType = Scope.loadEnum(String.join(".", names.subList(0, names.size() - 1)));
        if (enumType != null) {
            throw p.pos().error("'" + p.text() + "' is an enum constant of " + enumType.getName() + " but "
                    + t.text() + " is " + type.getName(), null);
        }
        throw p.pos().error("unknown identification variable '" + names.get(0) + "'",
                "the FROM clause declares '" + scope.variable() + "'");
    }
}
