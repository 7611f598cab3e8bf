package io.jynamo.jpql.plan;

import io.jynamo.jpql.BoundValue;
import io.jynamo.jpql.Operation;
import io.jynamo.jpql.ast.CompareOp;
import io.jynamo.jpql.ast.Statement;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.plan.Bound.All;
import io.jynamo.jpql.plan.Bound.Any;
import io.jynamo.jpql.plan.Bound.Attr;
import io.jynamo.jpql.plan.Bound.Btw;
import io.jynamo.jpql.plan.Bound.Cmp;
import io.jynamo.jpql.plan.Bound.Exists;
import io.jynamo.jpql.plan.Bound.InList;
import io.jynamo.jpql.plan.Bound.Match;
import io.jynamo.jpql.plan.Bound.Operand;
import io.jynamo.jpql.plan.Bound.Val;
import io.jynamo.jpql.semantic.LikePattern;
import io.jynamo.jpql.semantic.Types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses how to read the items a normalised WHERE selects: GetItem or BatchGetItem when it names only full
 * primary keys, else a Query of the table or of the index whose keys it constrains best (or the one hint
 * {@code jynamo.index} forces), else a Scan, and says why when a Query was not possible.
 */
final class AccessPathChooser {

    /**
     * The chosen read.
     *
     * @param operation        GET_ITEM, BATCH_GET_ITEM, QUERY or SCAN
     * @param keys             GET_ITEM / BATCH_GET_ITEM: the primary keys; otherwise empty
     * @param index            QUERY of an index: the index; otherwise {@code null}
     * @param partitionKeyAtom QUERY: the equality on the partition key
     * @param sortKeyAtom      QUERY: the condition on the sort key that joins the key condition, or {@code null}
     * @param scanReason       SCAN: which condition would have made it a Query
     */
    record AccessPath(Operation operation, List<Map<String, BoundValue>> keys, IndexInfo index, Bound partitionKeyAtom,
                      Bound sortKeyAtom, String scanReason) {
        static AccessPath keys(Operation operation, List<Map<String, BoundValue>> keys) {
            return new AccessPath(operation, keys, null, null, null, null);
        }
    }

    private record Candidate(IndexInfo index, Bound pkAtom, Bound skAtom) {
        String sortKey(EntityInfo e) {
            return index == null ? e.sortKey() : index.sortKey();
        }
    }

    private final EntityInfo entity;
    private final Statement stmt;
    private final Binder binder;

    AccessPathChooser(EntityInfo entity, Statement stmt, Binder binder) {
        this.entity = entity;
        this.stmt = stmt;
        this.binder = binder;
    }

    /** @throws IllegalArgumentException when hint {@code jynamo.index} names an index the entity does not have */
    void checkForcedIndex(String forcedIndex) {
        if (forcedIndex != null && index(forcedIndex) == null) {
            throw new IllegalArgumentException("unknown index '" + forcedIndex + "' in hint jynamo.index for entity "
                    + entity.name() + "; its indexes: " + describeIndexes());
        }
    }

    /**
     * Chooses the read for the conjuncts of a WHERE that is not always false.
     *
     * @param conjuncts   the top-level conjuncts (empty for no WHERE)
     * @param forcedIndex the index hint {@code jynamo.index} names, checked by {@link #checkForcedIndex}, or {@code null}
     * @param count       SELECT COUNT: a Query or Scan with {@code Select=COUNT}, except for keys in several partitions,
     *                    which are read (BatchGetItem) and counted rather than found by a Scan of the whole table
     * @param orderPath   the attribute the rows must come back ordered by (a Query on a table or index with that
     *                    sort key), or {@code null} for any order
     * @return the read, or {@code null} when {@code orderPath} is given and no Query sorted by it can serve the
     *         conditions (the caller then sorts in memory)
     * @throws IllegalArgumentException for an unusable forced index
     */
    AccessPath choose(List<Bound> conjuncts, String forcedIndex, boolean count, String orderPath) {
        if (forcedIndex == null && orderPath == null) {
            List<Map<String, BoundValue>> keys = directKeys(conjuncts);
            if (count && (keys == null || onePartition(keys))) {
                keys = null; // one partition: a Query counts without reading the items
            }
            if (keys != null && binder.symbolic()) {
                for (Map<String, BoundValue> k : keys) {
                    for (BoundValue v : k.values()) {
                        if (v.value() instanceof Binder.Unbound u && u.collection()) {
                            binder.note("the keys depend on " + u.label() + ": one key per element of the collection bound, "
                                    + "read by BatchGetItem (100 keys a call); a single value is one GetItem");
                            return AccessPath.keys(Operation.BATCH_GET_ITEM, keys);
                        }
                    }
                }
            }
            if (keys != null) {
                return AccessPath.keys(keys.size() == 1 ? Operation.GET_ITEM : Operation.BATCH_GET_ITEM, keys);
            }
        }

        Candidate chosen = chooseQuery(conjuncts, forcedIndex, orderPath);
        if (chosen == null) {
            if (orderPath != null) {
                return null;
            }
            return new AccessPath(Operation.SCAN, List.of(), null, null, null, scanReason(conjuncts));
        }
        String sk = chosen.sortKey(entity);
        if (orderPath != null && !orderPath.equals(sk)) {
            return null;
        }
        return new AccessPath(Operation.QUERY, List.of(), chosen.index(), chosen.pkAtom(), chosen.skAtom(), null);
    }

    private IndexInfo index(String name) {
        for (IndexInfo i : entity.indexes()) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    private String describeIndexes() {
        if (entity.indexes().isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        for (IndexInfo i : entity.indexes()) {
            out.add(i.name() + "(" + i.partitionKey() + (i.sortKey() == null ? "" : ", " + i.sortKey()) + ")");
        }
        return String.join(", ", out);
    }

    private static BoundValue equalityValue(Bound b, String path) {
        if (b instanceof Cmp c && c.op() == CompareOp.EQ && c.left() instanceof Attr a && c.right() instanceof Val v
                && a.attribute().path().equals(path)) {
            return v.value();
        }
        return null;
    }

    private static List<BoundValue> keyValues(Bound b, String path) {
        BoundValue eq = equalityValue(b, path);
        if (eq != null) {
            return List.of(eq);
        }
        if (b instanceof InList in && !in.negated() && in.attribute().path().equals(path)) {
            return in.values();
        }
        return null;
    }

    /**
     * The full primary keys the WHERE names, or {@code null} when it selects anything else: a conjunction of
     * {@code =}/{@code IN} on the key attributes, or a disjunction of such conjunctions ({@code x = ?1 OR x = ?2},
     * {@code x IN :entities} on a composite key), every key once, in query order.
     */
    private List<Map<String, BoundValue>> directKeys(List<Bound> conjuncts) {
        List<List<BoundValue[]>> groups = new ArrayList<>();
        if (conjuncts.size() == 1 && conjuncts.get(0) instanceof Any any) {
            for (Bound o : any.operands()) {
                List<BoundValue[]> k = conjunctionKeys(o instanceof All a ? a.operands() : List.of(o));
                if (k == null) {
                    return null;
                }
                groups.add(k);
            }
        } else {
            List<BoundValue[]> k = conjunctionKeys(conjuncts);
            if (k == null) {
                return null;
            }
            groups.add(k);
        }
        String pkName = entity.attributes().get(entity.partitionKey()).storedPath().get(0);
        String skName = entity.sortKey() == null ? null : entity.attributes().get(entity.sortKey()).storedPath().get(0);
        Set<KeyIdentity> seen = new java.util.HashSet<>();
        List<Map<String, BoundValue>> keys = new ArrayList<>();
        for (List<BoundValue[]> group : groups) {
            for (BoundValue[] pair : group) {
                KeyIdentity id = new KeyIdentity(Types.identity(pair[0].value()),
                        pair[1] == null ? null : Types.identity(pair[1].value()));
                if (!seen.add(id)) {
                    continue;
                }
                if (pair[1] == null) {
                    keys.add(Map.of(pkName, pair[0])); // one per element of an IN list: the smallest map
                } else {
                    // The partition key first (onePartition reads it so).
                    Map<String, BoundValue> k = new LinkedHashMap<>();
                    k.put(pkName, pair[0]);
                    k.put(skName, pair[1]);
                    keys.add(Collections.unmodifiableMap(k));
                }
            }
        }
        return keys;
    }

    /** What tells two keys apart: their values compared as DynamoDB compares them ({@link Types#identity}). */
    private record KeyIdentity(Object partitionKey, Object sortKey) {
    }

    /** Whether every key has the same partition key value (a collection parameter may hold any number). */
    private static boolean onePartition(List<Map<String, BoundValue>> keys) {
        Set<Object> partitions = new java.util.HashSet<>();
        for (Map<String, BoundValue> k : keys) {
            BoundValue pk = k.values().iterator().next();
            if (pk.value() instanceof Binder.Unbound u && u.collection()) {
                return false;
            }
            partitions.add(Types.identity(pk.value()));
        }
        return partitions.size() == 1;
    }

    /** The (partition key, sort key or null) pairs a conjunction of = and IN on the key names, or {@code null}. */
    private List<BoundValue[]> conjunctionKeys(List<Bound> conjuncts) {
        String pk = entity.partitionKey();
        String sk = entity.sortKey();
        List<BoundValue> pks = null;
        List<BoundValue> sks = null;
        if (sk == null && conjuncts.size() == 1) {
            pks = keyValues(conjuncts.get(0), pk);
        } else if (sk != null && conjuncts.size() == 2) {
            for (int i = 0; i < 2; i++) {
                List<BoundValue> p = keyValues(conjuncts.get(i), pk);
                List<BoundValue> s = keyValues(conjuncts.get(1 - i), sk);
                if (p != null && s != null) {
                    pks = p;
                    sks = s;
                    break;
                }
            }
            if (sks == null) {
                return null;
            }
        }
        if (pks == null) {
            return null;
        }
        List<BoundValue[]> pairs = new ArrayList<>();
        for (BoundValue p : pks) {
            for (BoundValue s : sks == null ? Collections.<BoundValue>singletonList(null) : sks) {
                pairs.add(new BoundValue[] {p, s});
            }
        }
        return pairs;
    }

    private Candidate chooseQuery(List<Bound> conjuncts, String forcedIndex, String orderPath) {
        if (forcedIndex != null) {
            IndexInfo idx = index(forcedIndex);
            Bound pkAtom = firstEquality(conjuncts, idx.partitionKey());
            if (pkAtom == null) {
                throw new IllegalArgumentException("index '" + forcedIndex + "' (hint jynamo.index) cannot be used: "
                        + "the query has no equality on its partition key '" + idx.partitionKey() + "'");
            }
            return new Candidate(idx, pkAtom, bestSortCondition(conjuncts, idx.sortKey(), pkAtom));
        }
        List<Candidate> candidates = new ArrayList<>();
        Bound tablePk = firstEquality(conjuncts, entity.partitionKey());
        if (tablePk != null) {
            candidates.add(new Candidate(null, tablePk, bestSortCondition(conjuncts, entity.sortKey(), tablePk)));
        }
        for (IndexInfo idx : entity.indexes()) {
            Bound pkAtom = firstEquality(conjuncts, idx.partitionKey());
            if (pkAtom == null || (idx.sortKey() != null && !present(conjuncts, idx.sortKey()))) {
                continue;
            }
            candidates.add(new Candidate(idx, pkAtom, bestSortCondition(conjuncts, idx.sortKey(), pkAtom)));
        }
        if (orderPath != null) {
            candidates.removeIf(c -> !orderPath.equals(c.sortKey(entity)));
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.get(0).index() == null) {
            return candidates.get(0);
        }
        for (Candidate c : candidates) {
            if (c.skAtom() != null) {
                return c;
            }
        }
        return candidates.get(0);
    }

    private static Bound firstEquality(List<Bound> conjuncts, String path) {
        for (Bound b : conjuncts) {
            if (equalityValue(b, path) != null) {
                return b;
            }
        }
        return null;
    }

    /** Whether every item the conditions select has the attribute: always stored, or implied by a condition. */
    private boolean present(List<Bound> conjuncts, String path) {
        AttributeInfo a = entity.attributes().get(path);
        return a != null && a.alwaysStored() || impliesPresence(conjuncts, path);
    }

    /**
     * Items without an index's sort key are not in the index, so the index may only be queried when the
     * condition is false for such items anyway.
     */
    static boolean impliesPresence(List<Bound> conjuncts, String path) {
        for (Bound b : conjuncts) {
            if (b instanceof Cmp c && (isAttr(c.left(), path) || isAttr(c.right(), path))
                    || b instanceof Btw t && isAttr(t.value(), path)
                    || b instanceof Match m && m.attribute().path().equals(path)
                    || b instanceof InList i && i.attribute().path().equals(path)
                    || b instanceof Exists e && e.exists() && e.attribute().path().equals(path)) {
                return true;
            }
            if (b instanceof All all && impliesPresence(all.operands(), path)) {
                return true;
            }
            if (b instanceof Any any) {
                boolean allImply = true;
                for (Bound o : any.operands()) {
                    allImply &= impliesPresence(List.of(o), path);
                }
                if (allImply) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAttr(Operand o, String path) {
        return o instanceof Attr a && a.attribute().path().equals(path);
    }

    private static Bound bestSortCondition(List<Bound> conjuncts, String sortKey, Bound pkAtom) {
        if (sortKey == null) {
            return null;
        }
        Bound best = null;
        int bestRank = 0;
        for (Bound b : conjuncts) {
            if (b == pkAtom) {
                continue;
            }
            int rank = 0;
            if (b instanceof Cmp c && isAttr(c.left(), sortKey) && c.right() instanceof Val) {
                rank = c.op() == CompareOp.EQ ? 4 : c.op() == CompareOp.NE ? 0 : 2;
            } else if (b instanceof Btw t && isAttr(t.value(), sortKey)) {
                rank = 3;
            } else if (b instanceof Match m && !m.negated() && m.shape() == LikePattern.Shape.PREFIX
                    && m.attribute().path().equals(sortKey)) {
                rank = 1;
            }
            if (rank > bestRank) {
                best = b;
                bestRank = rank;
            }
        }
        return best;
    }

    private String scanReason(List<Bound> conjuncts) {
        if (conjuncts.isEmpty()) {
            return "no WHERE condition: every item is read";
        }
        List<Bound> withoutExists = new ArrayList<>(conjuncts);
        withoutExists.removeIf(b -> b instanceof Exists e && e.exists());
        if (withoutExists.size() < conjuncts.size() && !withoutExists.isEmpty() && directKeys(withoutExists) != null) {
            return "the WHERE names full primary keys, but BatchGetItem cannot also test IS NOT NULL (an inner JOIN adds "
                    + "that test of its foreign key): use LEFT JOIN [FETCH] when the association is never null";
        }
        StringBuilder sb = new StringBuilder("no equality on partition key '").append(entity.partitionKey())
                .append("' or on an index partition key (indexes: ").append(describeIndexes()).append(")");
        for (IndexInfo idx : entity.indexes()) {
            if (idx.sortKey() != null && firstEquality(conjuncts, idx.partitionKey()) != null
                    && !present(conjuncts, idx.sortKey())) {
                sb.append("; index ").append(idx.name()).append(" has an equality on its partition key but it omits items "
                        + "without its sort key '").append(idx.sortKey()).append("': add a condition on '")
                        .append(idx.sortKey()).append("' (e.g. IS NOT NULL) or force it with hint jynamo.index");
            }
        }
        return sb.toString();
    }
}
