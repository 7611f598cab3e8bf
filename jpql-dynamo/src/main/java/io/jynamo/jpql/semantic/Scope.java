package io.jynamo.jpql.semantic;

import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.ast.CaseFunction;
import io.jynamo.jpql.ast.Expr;
import io.jynamo.jpql.ast.Join;
import io.jynamo.jpql.ast.PathExpr;
import io.jynamo.jpql.ast.Pos;
import io.jynamo.jpql.ast.SizeExpr;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.QueryModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names a statement may use: its identification variable, the variables of its joins, and the attributes of
 * its entity. Resolves paths to attributes (a path to the key of an owning to-one's target, {@code o.customer.id}
 * or {@code c.id} for {@code JOIN o.customer c}, to the foreign-key attribute stored on the owner) and refuses
 * names and functions that DynamoDB cannot evaluate on an attribute.
 */
final class Scope {
    private static final String LOWER_ON_ATTRIBUTE = "DynamoDB cannot change case in a query; store a normalised copy";

    /**
     * An entity-valued path: the root variable, or an owning to-one ({@code o.customer}, or its join variable).
     *
     * @param text          the path as written
     * @param keyAttributes the stored attributes holding the entity's key, in the order of {@code target.keyPaths()}
     * @param target        the entity the path denotes
     * @param association   the owning to-one, or {@code null} for the root variable
     * @param pos           where the path is
     */
    record EntityPath(String text, List<AttributeInfo> keyAttributes, EntityInfo target, AssociationInfo association,
                      Pos pos) {
    }

    /** A join variable: the association it joins and that association's target. */
    private record JoinVariable(Join join, AssociationInfo association, EntityInfo target) {
    }

    private final EntityInfo entity;
    private final String variable;
    private final QueryModel model;
    private final Map<String, JoinVariable> joins = new LinkedHashMap<>();
    /** The reads before the root read the conditions need, in order. */
    private final List<Step> steps = new ArrayList<>();
    /**
     * Whether paths through owning to-ones to other attributes of their targets resolve ({@link #navigated}): in
     * a SELECT, whose items are read before the values are needed; not in the bulk statements.
     */
    private boolean navigable;

    Scope(EntityInfo entity, String variable, QueryModel model) {
        this.entity = entity;
        this.variable = variable;
        this.model = model;
    }

    /**
     * Declares a join: its path must name an association of the root entity.
     *
     * @return the association joined
     */
    AssociationInfo join(Join j) {
        PathExpr p = j.path();
        if (!p.names().get(0).equals(variable)) {
            throw p.pos().error("JOIN " + p.text() + ": unknown identification variable '" + p.names().get(0) + "'",
                    "only associations of the queried entity can be joined: JOIN " + variable + ".<association>");
        }
        AssociationInfo a = entity.associations().get(p.names().get(1));
        if (a == null) {
            throw j.pos().error("JOIN " + p.text() + ": entity " + entity.name() + " has no association '"
                    + p.names().get(1) + "'", entity.associations().isEmpty() ? "DynamoDB has no joins: query one entity "
                    + "and load related entities by key" : "its associations: " + String.join(", ", entity.associations().keySet()));
        }
        if (j.variable() != null) {
            if (j.variable().equals(variable) || joins.containsKey(j.variable())) {
                throw j.pos().error("identification variable '" + j.variable() + "' is declared twice", "use another name");
            }
            joins.put(j.variable(), new JoinVariable(j, a, target(a, j.pos())));
        }
        return a;
    }

    /** The target entity of an association. */
    EntityInfo target(AssociationInfo a, Pos pos) {
        return model.entity(a.targetEntity()).orElseThrow(() -> pos.error("association " + entity.name() + "." + a.name()
                + " names the unknown entity '" + a.targetEntity() + "'", "the query model must describe every target entity"));
    }

    /** The association {@code p} names when it is {@code root.association} (and no attribute), else {@code null}. */
    AssociationInfo association(PathExpr p) {
        List<String> n = p.names();
        if (n.size() == 2 && n.get(0).equals(variable) && !entity.attributes().containsKey(n.get(1))) {
            return entity.associations().get(n.get(1));
        }
        return null;
    }

    /**
     * Adds a read before the root read and returns the synthetic parameter its keys are bound to.
     *
     * @param a       the root's association the step reads over
     * @param element MEMBER OF: the element's parameter, else {@code null}
     * @param joined  JOIN: the analysed query of the joined entity, else {@code null}
     * @param text    the construct as written
     */
    io.jynamo.jpql.ast.Param step(AssociationInfo a, io.jynamo.jpql.ast.Param element, Analysis joined, String text, Pos pos,
                                  List<String> keyPaths, boolean repeats) {
        int n = steps.size() + 1;
        String key = Step.KEY_PREFIX + n;
        steps.add(new Step(key, "step" + n, a, entity, element, joined, text, keyPaths, repeats));
        return new io.jynamo.jpql.ast.Param(key, null, pos);
    }

    /** The steps added so far. */
    List<Step> steps() {
        return steps;
    }

    /** Whether a join variable's join is an inner join (which keeps only owners with a target). */
    boolean innerJoin(String joinVariable) {
        return !joins.get(joinVariable).join().left();
    }

    /** The association a join variable joins. */
    AssociationInfo joinedAssociation(String joinVariable) {
        return joins.get(joinVariable).association();
    }

    /** Whether the provider reads the targets of {@code SELECT o.customer} (see {@link QueryModel#readsSelectedTargets()}). */
    boolean readsSelectedTargets() {
        return model.readsSelectedTargets();
    }

    /** Whether the name is the variable of a join. */
    boolean isJoinVariable(String name) {
        return joins.containsKey(name);
    }

    EntityInfo entity() {
        return entity;
    }

    String variable() {
        return variable;
    }

    void checkVariable(PathExpr p) {
        if (!rootedAtVariable(p)) {
            throw p.pos().error("unknown identification variable '" + p.names().get(0) + "'",
                    "the FROM clause declares " + declared());
        }
    }

    private String declared() {
        if (joins.isEmpty()) {
            return "'" + variable + "'";
        }
        List<String> all = new ArrayList<>();
        all.add("'" + variable + "'");
        joins.keySet().forEach(v -> all.add("'" + v + "'"));
        return String.join(", ", all);
    }

    boolean rootedAtVariable(PathExpr p) {
        return p.names().get(0).equals(variable) || joins.containsKey(p.names().get(0));
    }

    /**
     * The entity a path denotes when it is entity-valued (the root variable, a join variable, or an owning
     * to-one {@code o.customer}); {@code null} for any other expression. Refuses a path to an association that
     * stores nothing on the owner's item.
     */
    EntityPath entityPath(Expr e, String construct) {
        if (!(e instanceof PathExpr p) || !rootedAtVariable(p)) {
            return null;
        }
        List<String> n = p.names();
        String head = n.get(0);
        if (n.size() == 1 && head.equals(variable)) {
            List<AttributeInfo> keys = new ArrayList<>();
            for (String k : entity.keyPaths()) {
                keys.add(entity.attributes().get(k));
            }
            return new EntityPath(p.text(), keys, entity, null, p.pos());
        }
        if (n.size() == 1) {
            JoinVariable j = joins.get(head);
            return owningPath(p, j.association(), j.target(), construct);
        }
        if (n.size() == 2 && head.equals(variable) && entity.associations().containsKey(n.get(1))
                && !entity.attributes().containsKey(n.get(1))) {
            AssociationInfo a = entity.associations().get(n.get(1));
            return owningPath(p, a, target(a, p.pos()), construct);
        }
        if (n.size() == 2 && joins.containsKey(head) && joins.get(head).target().associations().containsKey(n.get(1))) {
            throw p.pos().error(construct + " on " + p.text() + " is not supported: it navigates two associations",
                    "query " + joins.get(head).target().name() + " first, then " + entity.name() + " by its key");
        }
        return null;
    }

    private EntityPath owningPath(PathExpr p, AssociationInfo a, EntityInfo target, String construct) {
        if (a.kind() != AssociationInfo.Kind.OWNING_TO_ONE) {
            throw notStoredOnOwner(p, a, construct);
        }
        List<AttributeInfo> keys = new ArrayList<>();
        for (String k : target.keyPaths()) {
            keys.add(foreignKey(p, a, target, k));
        }
        return new EntityPath(p.text(), keys, target, a, p.pos());
    }

    private IllegalArgumentException notStoredOnOwner(PathExpr p, AssociationInfo a, String construct) {
        String alternative = switch (a.kind()) {
            case INVERSE_TO_ONE, INVERSE_ONE_TO_MANY -> "the key is stored on " + a.targetEntity() + " ("
                    + a.targetEntity() + "." + a.mappedBy() + "): " + a.byOwnerHint(variable + "." + a.name());
            default -> "the links are items of the link table " + a.linkTable() + ": load " + variable + "." + a.name()
                    + " from an entity (or LEFT JOIN FETCH it) and filter in Java";
        };
        return p.pos().error(construct + " on " + p.text() + " is not supported: " + entity.name() + "." + a.name() + " is "
                + describe(a) + ", which stores nothing on the " + entity.name() + " item", alternative);
    }

    private static String describe(AssociationInfo a) {
        return switch (a.kind()) {
            case OWNING_TO_ONE -> "a to-one association";
            case INVERSE_TO_ONE -> "the inverse side (mappedBy) of a one-to-one";
            case INVERSE_ONE_TO_MANY -> "a one-to-many collection (mappedBy)";
            case LINK_TABLE -> "a collection stored in a link table";
        };
    }

    /** The owner's attribute that stores the target key attribute {@code keyPath} of an owning to-one. */
    private AttributeInfo foreignKey(PathExpr p, AssociationInfo a, EntityInfo target, String keyPath) {
        String fk = a.foreignKey().get(keyPath);
        AttributeInfo attr = fk == null ? null : entity.attributes().get(fk);
        if (attr == null) {
            throw p.pos().error("association " + entity.name() + "." + a.name() + " does not say which attribute of "
                    + entity.name() + " stores the key attribute '" + keyPath + "' of " + target.name(),
                    "the query model must map every key attribute of the target to a stored attribute");
        }
        return attr;
    }

    /**
     * A path below an association ({@code o.customer.id}, or {@code c.id} for a join variable {@code c}): the
     * foreign-key attribute when it names a key attribute of the target, else refused; {@code null} when the path
     * does not start with an association.
     */
    /** Lets paths through owning to-ones resolve ({@link #navigates}). */
    void allowNavigation() {
        navigable = true;
    }

    /**
     * Whether the path reads an attribute of a to-one's target other than its key ({@code o.customer.name}, or
     * {@code c.name} of {@code JOIN o.customer c}), which is evaluated in Java after the read.
     */
    boolean navigates(Expr e) {
        if (!navigable || !(e instanceof PathExpr p) || !rootedAtVariable(p)) {
            return false;
        }
        List<String> n = p.names();
        AssociationInfo a;
        int rest;
        if (joins.containsKey(n.get(0))) {
            a = joins.get(n.get(0)).association();
            rest = 1;
        } else {
            if (n.size() < 3 || entity.attributes().containsKey(p.path())) {
                return false;
            }
            a = entity.associations().get(n.get(1));
            rest = 2;
        }
        if (a == null || !toOne(a) || n.size() <= rest) {
            return false;
        }
        EntityInfo target = model.entity(a.targetEntity()).orElse(null);
        if (target == null || a.kind() == AssociationInfo.Kind.OWNING_TO_ONE
                && keyPath(target, String.join(".", n.subList(rest, n.size()))) != null) {
            return false;
        }
        // It must end at an attribute, through to-ones only; anything else is refused where it is resolved.
        for (int i = rest; i < n.size(); i++) {
            if (target.attributes().containsKey(String.join(".", n.subList(i, n.size())))) {
                return true;
            }
            AssociationInfo next = target.associations().get(n.get(i));
            if (next == null || !toOne(next)) {
                return false;
            }
            target = model.entity(next.targetEntity()).orElse(null);
            if (target == null) {
                return false;
            }
        }
        return false;
    }

    /** An owning to-one (the owner stores the key) or the inverse side of a one-to-one (the target stores it). */
    private static boolean toOne(AssociationInfo a) {
        return a.kind() == AssociationInfo.Kind.OWNING_TO_ONE || a.kind() == AssociationInfo.Kind.INVERSE_TO_ONE;
    }

    /**
     * The pseudo-attribute of a target's attribute read through to-ones ({@link AttributeInfo#NAVIGATION_PREFIX}),
     * following further to-ones of the target ({@code o.customer.home.city}, {@code o.card.balance} of the inverse
     * side of a one-to-one).
     */
    private AttributeInfo navigated(PathExpr p, String association, EntityInfo target, List<String> below) {
        List<String> path = new ArrayList<>();
        path.add(association);
        EntityInfo at = target;
        int i = 0;
        while (true) {
            String rest = String.join(".", below.subList(i, below.size()));
            AttributeInfo attr = at.attributes().get(rest);
            if (attr != null) {
                if (Types.collection(attr) || attr.kind() == ValueKind.MAP) {
                    throw p.pos().error(p.text() + " is " + (attr.kind() == ValueKind.MAP ? "an embedded object" : "a collection")
                            + " of " + at.name() + ", which is not supported through a relationship",
                            "read one of its attributes, or select the entity and read it from there");
                }
                path.add(rest);
                return new AttributeInfo(AttributeInfo.NAVIGATION_PREFIX + String.join(".", path), List.of(), attr.kind(),
                        attr.javaType(), null);
            }
            AssociationInfo next = at.associations().get(below.get(i));
            if (next == null || i == below.size() - 1) {
                throw unknownAttribute(p, at, rest);
            }
            if (!toOne(next)) {
                throw p.pos().error("navigation on " + p.text() + " is not supported: " + at.name() + "." + next.name()
                        + " is " + describe(next) + ", which stores nothing on the " + at.name() + " item",
                        "select the " + at.name() + " and read it from there");
            }
            path.add(next.name());
            at = target(next, p.pos());
            i++;
        }
    }

    private AttributeInfo navigate(PathExpr p) {
        List<String> n = p.names();
        AssociationInfo a;
        EntityInfo target;
        int rest;
        if (joins.containsKey(n.get(0))) {
            JoinVariable j = joins.get(n.get(0));
            a = j.association();
            target = j.target();
            rest = 1;
        } else {
            a = entity.associations().get(n.get(1));
            if (a == null || n.size() < 3) {
                return null;
            }
            target = target(a, p.pos());
            rest = 2;
        }
        String below = String.join(".", n.subList(rest, n.size()));
        if (navigable && a.kind() == AssociationInfo.Kind.INVERSE_TO_ONE) {
            // Nothing of it is on the owner's item: even its key is read from the target found.
            return navigated(p, a.name(), target, n.subList(rest, n.size()));
        }
        if (a.kind() != AssociationInfo.Kind.OWNING_TO_ONE) {
            throw notStoredOnOwner(p, a, "navigation");
        }
        String keyPath = keyPath(target, below);
        if (keyPath != null) {
            return foreignKey(p, a, target, keyPath);
        }
        AttributeInfo targetAttr = target.attributes().get(below);
        String keys = String.join(", ", target.keyPaths());
        if (targetAttr == null && !navigable) {
            throw unknownAttribute(p, target, below);
        }
        if (navigable) {
            return navigated(p, a.name(), target, n.subList(rest, n.size()));
        }
        String via = String.join(".", n.subList(0, rest));
        throw p.pos().error(p.text() + " is not supported: only the key (" + keys + ") of " + target.name()
                        + " is stored on " + entity.name() + " items, and DynamoDB cannot join",
                "query " + target.name() + " by '" + below + "' first, then " + entity.name() + " with "
                        + via + " IN :targets (or compare the key: " + via + "." + target.keyPaths().get(0) + ")"
                        + (rest == 2 ? "; JOIN " + via + " x WHERE x." + below + " ... does both in one query" : ""));
    }

    private static IllegalArgumentException unknownAttribute(PathExpr p, EntityInfo target, String below) {
        TreeSet<String> known = new TreeSet<>(target.attributes().keySet());
        known.remove(AttributeInfo.TYPE_PATH);
        known.remove(AttributeInfo.VERSION_PATH);
        return p.pos().error("unknown attribute '" + below + "' of entity " + target.name() + " in " + p.text(),
                "known attributes: " + String.join(", ", known));
    }

    /**
     * The key path of {@code target} that the path {@code below} (relative to the entity) names, or {@code null}:
     * a key attribute, or an attribute stored where one is (an @IdClass field beside an embedded id).
     */
    static String keyPath(EntityInfo target, String below) {
        if (below.equals(AttributeInfo.ID_PATH) && target.keyPaths().size() == 1) {
            return target.keyPaths().get(0);
        }
        AttributeInfo attr = target.attributes().get(below);
        for (String k : target.keyPaths()) {
            AttributeInfo key = target.attributes().get(k);
            if (below.equals(k) || attr != null && key != null && attr.storedPath().equals(key.storedPath())) {
                return k;
            }
        }
        return null;
    }

    /**
     * {@code ID(e)} of the root variable as the path to its key attribute; {@code ID(c)} of a join variable and
     * {@code ID(o.customer)} resolve as paths to the target's key ({@link #keyPath}). A composite key is refused.
     */
    private PathExpr idOfRoot(PathExpr p) {
        List<String> n = p.names();
        if (!n.get(n.size() - 1).equals(AttributeInfo.ID_PATH)) {
            return p;
        }
        String of = String.join(".", n.subList(0, n.size() - 1));
        EntityInfo target = n.size() == 2 && n.get(0).equals(variable) ? entity
                : n.size() == 2 ? joins.get(n.get(0)).target()
                : n.size() == 3 && n.get(0).equals(variable) && entity.associations().containsKey(n.get(1))
                ? target(entity.associations().get(n.get(1)), p.pos()) : null;
        if (target == null) {
            throw p.pos().error("ID(" + of + ") is not supported: ID takes an identification variable or a path to a "
                    + "to-one association", "write ID(" + variable + ")");
        }
        if (target.keyPaths().size() != 1) {
            throw p.pos().error("ID(" + of + ") is not supported: " + target.name() + " has a composite key ("
                    + String.join(", ", target.keyPaths()) + ")", "compare its key attributes, e.g. " + of + "."
                    + target.keyPaths().get(0));
        }
        if (!(n.size() == 2 && n.get(0).equals(variable))) {
            return p; // a target's key: the foreign key stored on the root (navigate)
        }
        List<String> names = new ArrayList<>();
        names.add(variable);
        names.addAll(List.of(target.keyPaths().get(0).split("\\.")));
        return new PathExpr(names, p.pos(), null);
    }

    PathExpr attribute(PathExpr p) {
        checkVariable(p);
        if (p.names().size() == 1) {
            if (joins.containsKey(p.names().get(0))) {
                throw p.pos().error("'" + p.text() + "' is the joined entity itself, not an attribute",
                        "compare it as a whole (" + p.text() + " = :entity) or its key, e.g. " + p.text() + "."
                                + joins.get(p.text()).target().partitionKey());
            }
            throw p.pos().error("'" + variable + "' is the entity itself, not an attribute",
                    "compare an attribute, e.g. " + variable + "." + entity.partitionKey());
        }
        p = idOfRoot(p);
        AttributeInfo nav = entity.attributes().get(p.path()) != null && p.names().get(0).equals(variable) ? null : navigate(p);
        if (nav != null) {
            return p.resolved(nav);
        }
        if (p.names().size() == 2 && entity.associations().containsKey(p.names().get(1))
                && !entity.attributes().containsKey(p.names().get(1))) {
            AssociationInfo assoc = entity.associations().get(p.names().get(1));
            throw p.pos().error(p.text() + " is " + describe(assoc) + ", not an attribute",
                    assoc.kind() == AssociationInfo.Kind.OWNING_TO_ONE
                            ? "compare it with an entity (" + p.text() + " = :entity, IS NULL) or compare its key ("
                            + p.text() + "." + target(assoc, p.pos()).partitionKey() + "); select " + variable
                            + " with LEFT JOIN FETCH " + p.text() + " to load it"
                            : "load it from the entity, or select " + variable + " with LEFT JOIN FETCH " + p.text());
        }
        String path = p.path();
        AttributeInfo a = entity.attributes().get(path);
        if (a == null && AttributeInfo.VERSION_PATH.equals(path)) {
            throw p.pos().error("VERSION(" + variable + "): entity " + entity.name() + " has no @Version attribute",
                    "VERSION takes an entity with a version");
        }
        if (a == null && AttributeInfo.TYPE_PATH.equals(path)) {
            throw p.pos().error("TYPE(" + variable + "): entity " + entity.name() + " has no entity superclass or "
                    + "subclass, so every instance is of its own class", "remove the condition");
        }
        if (a == null) {
            TreeSet<String> known = new TreeSet<>(entity.attributes().keySet());
            known.remove(AttributeInfo.TYPE_PATH);
            known.remove(AttributeInfo.VERSION_PATH);
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
