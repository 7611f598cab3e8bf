package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;

import java.util.TreeSet;

/**
 * The names a statement may use: its one identification variable and the attributes of its entity. Resolves
 * paths to attributes and refuses names and functions that DynamoDB cannot evaluate on an attribute.
 */
final class Scope {
    private static final String LOWER_ON_ATTRIBUTE = "DynamoDB cannot change case in a query; store a normalised copy";

    private final EntityInfo entity;
    private final String variable;

    Scope(EntityInfo entity, String variable) {
        this.entity = entity;
        this.variable = variable;
    }

    EntityInfo entity() {
        return entity;
    }

    String variable() {
        return variable;
    }

    void checkVariable(PathExpr p) {
        if (!p.names().get(0).equals(variable)) {
            throw p.pos().error("unknown identification variable '" + p.names().get(0) + "'",
                    "the FROM clause declares '" + variable + "'");
        }
    }

    boolean rootedAtVariable(PathExpr p) {
        return p.names().get(0).equals(variable);
    }

    PathExpr attribute(PathExpr p) {
        checkVariable(p);
        if (p.names().size() == 1) {
            throw p.pos().error("'" + variable + "' is the entity itself, not an attribute",
                    "compare an attribute, e.g. " + variable + "." + entity.partitionKey());
        }
        String path = p.path();
        AttributeInfo a = entity.attributes().get(path);
        if (a == null && AttributeInfo.TYPE_PATH.equals(path)) {
            throw p.pos().error("TYPE(" + variable + "): entity " + entity.name() + " has no entity superclass or "
                    + "subclass, so every instance is of its own class", "remove the condition");
        }
        if (a == null) {
            TreeSet<String> known = new TreeSet<>(entity.attributes().keySet());
            known.remove(AttributeInfo.TYPE_PATH);
            throw p.pos().error("unknown attribute '" + path + "' of entity " + entity.name(),
                    "known attributes: " + String.join(", ", known));
        }
        return p.resolved(a);
    }

    boolean isAttribute(Expr e) {
        return e instanceof PathExpr p && rootedAtVariable(p);
    }

    PathExpr scalarAttribute(Expr e, String construct) {
        PathExpr p = attribute((PathExpr) e);
        AttributeInfo a = p.attribute();
        if (Types.collection(a)) {
            throw p.pos().error(construct + " on the collection " + p.text() + " is not supported",
                    "use :value MEMBER OF " + p.text() + " or SIZE(" + p.text() + ")");
        }
        if (a.kind() == ValueKind.MAP) {
            throw p.pos().error(construct + " on the embedded object " + p.text() + " is not supported",
                    "compare its attributes, e.g. " + p.text() + ".<attribute>");
        }
        return p;
    }

    /** A dotted name that is neither an attribute nor usable as a value here: report the unknown variable. */
    void rejectStrayPath(Expr e) {
        if (e instanceof PathExpr p && !rootedAtVariable(p)) {
            if (p.names().size() > 1 && loadEnum(String.join(".", p.names().subList(0, p.names().size() - 1))) != null) {
                return;
            }
            throw p.pos().error(p.names().size() == 1 ? "unknown identifier '" + p.text() + "'"
                            : "unknown identification variable '" + p.names().get(0) + "'",
                    "the FROM clause declares '" + variable + "'; attributes are written " + variable + ".<attribute>");
        }
    }

    void checkNoCaseOnAttribute(Expr e) {
        if (e instanceof CaseFunction f) {
            if (f.argument() instanceof PathExpr p && rootedAtVariable(p) || f.argument() instanceof SizeExpr) {
                throw f.pos().error((f.upper() ? "UPPER" : "LOWER") + " on an attribute is not supported: "
                        + LOWER_ON_ATTRIBUTE, "e.g. keep an emailLower attribute and compare it with LOWER(:email)");
            }
            checkNoCaseOnAttribute(f.argument());
        }
    }

    /** The enum class of that name, or null: a dotted name outside the variable may qualify an enum constant. */
    static Class<?> loadEnum(String name) {
        ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), Scope.class.getClassLoader()};
        for (ClassLoader cl : loaders) {
            if (cl == null) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, cl);
                if (c.isEnum()) {
                    return c;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class: the caller reports an unknown variable
            }
        }
        return null;
    }
}
