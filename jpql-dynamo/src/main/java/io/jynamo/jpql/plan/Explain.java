package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.StatementKind;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.semantic.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Formats a plan as the text {@code explain()} returns. */
final class Explain {
    private Explain() {
    }

    static String render(EntityInfo entity, Operation op, String index, String keyCondition, String filter,
                         String projection, Map<String, String> names, Map<String, BoundValue> values,
                         List<Map<String, BoundValue>> keys, boolean count, boolean forward, String update,
                         String writeCondition, String scanReason, boolean alwaysEmpty, StatementKind kind,
                         List<AssociationInfo> fetches, AssociationInfo selectedAssociation, String inJava,
                         List<Step> steps, List<AssociationInfo> counted, String computed, List<String> navigated) {
        StringBuilder sb = new StringBuilder();
        for (Step step : steps) {
            line(sb, "first", step(step));
        }
        line(sb, "operation", alwaysEmpty ? "none (the condition is never true: empty result, no DynamoDB call)" : op.name());
        line(sb, "entity", entity.name() + (kind == StatementKind.SELECT ? "" : " (" + kind + ": reads the keys, then writes each item)"));
        line(sb, "table", entity.tableName());
        if (index != null) {
            line(sb, "index", index);
        }
        if (keyCondition != null) {
            line(sb, "key condition", keyCondition);
        }
        if (!keys.isEmpty()) {
            List<String> ks = new ArrayList<>();
            for (Map<String, BoundValue> k : keys) {
                List<String> parts = new ArrayList<>();
                k.forEach((n, v) -> parts.add(n + "=" + show(v)));
                ks.add("{" + String.join(", ", parts) + "}");
            }
            line(sb, "keys", String.join(", ", ks));
        }
        if (filter != null) {
            line(sb, "filter", filter);
        }
        if (projection != null) {
            line(sb, "projection", projection);
        }
        if (count) {
            line(sb, "select", "COUNT");
        }
        if (op == Operation.QUERY && !forward) {
            line(sb, "order", "descending (ScanIndexForward=false)");
        }
        if (update != null) {
            line(sb, "update", update);
        }
        if (writeCondition != null) {
            line(sb, "write if", "attribute_exists(key) AND " + writeCondition);
        }
        line(sb, "scan", op == Operation.SCAN && !alwaysEmpty ? "yes: " + scanReason : "no");
        if (inJava != null) {
            // Rows may be dropped or reordered after the read, so every matching item is read: no Limit.
            line(sb, "in Java", inJava + " (after reading every matching item, no Limit)");
        }
        for (AssociationInfo a : counted) {
            line(sb, "per row", count(entity, a));
        }
        if (computed != null) {
            // Per row read: it changes no row, so it reads nothing more and is not under the client-side policy.
            line(sb, "select in Java", computed + " (computed for each row read)");
        }
        if (!navigated.isEmpty()) {
            line(sb, "per 100 rows", "the to-one targets of " + String.join(", ", navigated) + " are read (BatchGetItem, 100 "
                    + "keys a call, each target once, one level of the path after the other), then those attributes in Java");
        }
        if (selectedAssociation != null) {
            line(sb, "then read", selectedAssociation.name() + " -> " + selectedAssociation.targetEntity()
                    + ": BatchGetItem of the distinct keys the rows reference (100 keys a call), targets already managed "
                    + "are not read; one result per row, a row whose target no longer exists is dropped");
        }
        for (AssociationInfo a : fetches) {
            line(sb, "then fetch", fetch(a));
        }
        if (!names.isEmpty()) {
            List<String> parts = new ArrayList<>();
            names.forEach((k, v) -> parts.add(k + "=" + v));
            line(sb, "names", String.join(", ", parts));
        }
        if (!values.isEmpty()) {
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + "=" + show(v)));
            line(sb, "values", String.join(", ", parts));
        }
        return sb.toString().stripTrailing();
    }

    /** What a step before the root read reads, and what the root's condition compares with its keys. */
    static String step(Step step) {
        AssociationInfo a = step.association();
        String owner = step.owner().name();
        if (step.joined() != null && a.kind() == AssociationInfo.Kind.LINK_TABLE) {
            EntityInfo target = step.joined().entity();
            return step.label() + " = the " + owner + " keys link table " + a.linkTable() + " links to the "
                    + target.name() + " entities of " + step.text() + ": their own plan, "
                    + oneLine(Planner.explainUnbound(step.joined(), null)) + ", then one Query of the link table per "
                    + target.name() + " found; then " + owner + " key IN " + step.label()
                    + (step.repeats() ? ", each " + owner + " returned once per " + target.name()
                    + " found (no DISTINCT)" : ", each once (DISTINCT)");
        }
        if (step.joined() != null && a.kind().collection()) {
            EntityInfo child = step.joined().entity();
            return step.label() + " = the " + owner + " keys the " + child.name() + " entities of " + step.text()
                    + " belong to (their " + a.mappedBy() + "): their own plan, "
                    + oneLine(Planner.explainUnbound(step.joined(), null)) + "; then " + owner + " key IN "
                    + step.label() + (step.repeats() ? ", each " + owner + " returned once per " + child.name()
                    + " found (no DISTINCT)" : ", each once (DISTINCT)");
        }
        if (step.joined() != null) {
            EntityInfo target = step.joined().entity();
            return step.label() + " = the keys of the " + target.name() + " entities " + step.text() + " selects: "
                    + "their own plan, " + oneLine(Planner.explainUnbound(step.joined(), null)) + "; then "
                    + owner + "." + a.name() + " IN " + step.label()
                    + " (a Query of the foreign-key index per key when there is one, up to 100 keys; more: one read"
                    + " with the foreign key IN them)";
        }
        String element = step.element().label();
        String how = switch (a.kind()) {
            case INVERSE_ONE_TO_MANY -> "the " + a.targetEntity() + " " + element + "'s " + a.mappedBy()
                    + " (its stored foreign key: GetItem of " + element + ", none when it is managed)";
            case LINK_TABLE -> "a Query of link table " + a.linkTable() + " by the key of " + element
                    + " (the owners' keys, following its pages)";
            default -> "?";
        };
        return step.label() + " = the " + owner + " keys whose " + a.name() + " hold " + element + ": " + how
                + "; then " + step.text() + " is " + owner + " key " + (step.text().contains(" NOT MEMBER") ? "NOT IN " : "IN ")
                + step.label();
    }

    private static String oneLine(String explain) {
        List<String> parts = new ArrayList<>();
        for (String l : explain.split("\n")) {
            if (!l.startsWith("note:")) {
                parts.add(l.replaceAll(":\\s+", ": ").trim());
            }
        }
        return "[" + String.join("; ", parts) + "]";
    }

    /** How the provider counts a relationship collection per owner row. */
    static String count(EntityInfo owner, AssociationInfo a) {
        String via = switch (a.kind()) {
            case INVERSE_ONE_TO_MANY -> "on index " + a.index() + " of " + a.targetEntity() + " (" + a.targetEntity()
                    + "." + a.mappedBy() + ")";
            default -> "on link table " + a.linkTable() + (a.index() == null ? "" : " (or its index " + a.index() + ")");
        };
        return "SIZE(" + a.name() + "): one Query with Select=COUNT per " + owner.name() + " row read, " + via
                + ", counting only as far as a condition needs (Limit 1 for IS EMPTY; all of it for a select item)";
    }

    /** How the provider loads a fetched association for the entities read. */
    static String fetch(AssociationInfo a) {
        String via = a.index() == null ? "" : " " + a.index();
        return a.name() + " -> " + a.targetEntity() + ": " + switch (a.kind()) {
            case OWNING_TO_ONE -> "BatchGetItem of the distinct keys the results reference (100 keys a call), "
                    + "targets already managed are not read";
            case INVERSE_TO_ONE, INVERSE_ONE_TO_MANY -> "one Query per result on index" + via + " (" + a.targetEntity()
                    + "." + a.mappedBy() + ")";
            case LINK_TABLE -> "one Query per result on link table " + a.linkTable()
                    + ", then BatchGetItem of the targets (100 keys a call)";
        };
    }

    private static void line(StringBuilder sb, String label, String text) {
        sb.append(label).append(':').append(" ".repeat(Math.max(1, 15 - label.length()))).append(text).append('\n');
    }

    static String show(BoundValue v) {
        Object o = v.value();
        String s;
        if (o instanceof String str) {
            s = "'" + str.replace("'", "''") + "'";
        } else if (o instanceof Enum<?> e) {
            s = e.getDeclaringClass().getSimpleName() + "." + e.name();
        } else if (o instanceof Binder.Unbound u) {
            s = u.label();
        } else if (o instanceof byte[] b) {
            s = "byte[" + b.length + "]";
        } else {
            s = String.valueOf(o);
        }
        if (v.attribute() != null) {
            s += v.element() ? " (element of " + v.attribute().path() + ")" : " (as " + v.attribute().path() + ")";
        }
        return s;
    }
}
