package io.jynamo.internal.query;

import io.jynamo.internal.context.EntityEntry;
import io.jynamo.internal.context.Session;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.AttributeMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.jpql.EntityKey;
import io.jynamo.jpql.RelationStep;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads over relationship collections a query's conditions need beyond its root read: the owners holding an
 * element ({@code :x MEMBER OF e.children}, before the root read) and the number of an owner's targets
 * ({@code SIZE(e.children)}, {@code IS EMPTY}, per row after it). Each is one Query (and its pages) of the
 * foreign-key index or the link table; an element's own item is read only when it is not managed.
 */
final class RelationSteps {
    private final Session session;
    private final QueryServices services;
    private final CacheRetrieveMode retrieve;
    private final CacheStoreMode store;
    private final boolean consistentReads;

    RelationSteps(Session session, QueryServices services, CacheRetrieveMode retrieve, CacheStoreMode store,
                  boolean consistentReads) {
        this.session = session;
        this.services = services;
        this.retrieve = retrieve;
        this.store = store;
        this.consistentReads = consistentReads;
    }

    /**
     * The keys of the owners whose collection holds {@code element}: for an inverse one-to-many, the owner its owning
     * to-one stores (from its managed snapshot, else its item); for a link-table side, a Query of the link table by
     * the element's key. A NULL element or one without a key is unknown: a list holding {@code null}.
     */
    List<EntityKey> owners(RelationStep step, Object element) {
        EntityMeta owner = services.entity(step.owner().name());
        AssociationMeta a = association(owner, step.association().name());
        EntityMeta target = a.target();
        if (element == null || !hasKey(target, element)) {
            return Arrays.asList((EntityKey) null);
        }
        Map<String, AttributeValue> elementKey = target.keyOf(element);
        if (a.linkTable() == null) {
            Map<String, AttributeValue> item = storedItem(target, elementKey);
            Map<String, AttributeValue> ownerKey = item == null || !target.accepts(item) ? null : a.inverse().targetKeyOf(item);
            return ownerKey == null ? List.of() : List.of(services.queryModel().entityKey(owner, ownerKey));
        }
        return linkOwners(owner, a, target.root().linkValue(elementKey));
    }

    /**
     * The owners a link table links to one target (by the target's key as a link holds it): one Query (and its pages)
     * of the link table by the target's column, the table's partition key, else its inverted index.
     */
    List<EntityKey> linkOwners(RelationStep step, AttributeValue target) {
        EntityMeta owner = services.entity(step.owner().name());
        return linkOwners(owner, association(owner, step.association().name()), target);
    }

    private List<EntityKey> linkOwners(EntityMeta owner, AssociationMeta a, AttributeValue value) {
        EntityMeta link = a.linkTable();
        // The target's column is the sort key of a plain link table, beside the position or map key otherwise.
        AttributeMeta mine = a.linkOwner() ? link.partitionKey() : a.inverse().linkTarget();
        AttributeMeta theirs = a.linkOwner() ? a.linkTarget() : link.partitionKey();
        String index = a.linkOwner() ? link.indexes().get(0).name() : null;
        Set<EntityKey> owners = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : session.loader().linkItems(link, index, theirs.storedName(), value,
                consistentReads)) {
            AttributeValue o = item.get(mine.storedName());
            if (o != null) {
                owners.add(services.queryModel().entityKey(owner, owner.root().keyOfLinkValue(o)));
            }
        }
        return new ArrayList<>(owners);
    }

    /**
     * How many targets the owner's collection holds, counted with {@code Select=COUNT} and no further than
     * {@code upTo} (a {@code Limit} when no filter may drop items: 1 for IS EMPTY).
     */
    int count(EntityMeta owner, String association, Map<String, AttributeValue> ownerItem, long upTo) {
        AssociationMeta a = association(owner, association);
        Map<String, AttributeValue> ownerKey = owner.keyOfItem(ownerItem);
        String table;
        String index;
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder condition = new StringBuilder();
        String filter = null;
        if (a.linkTable() == null) {
            EntityMeta child = a.target();
            List<AssociationMeta.JoinColumn> fk = a.inverse().joinColumns();
            for (int i = 0; i < fk.size(); i++) {
                names.put("#k" + i, fk.get(i).storedName());
                values.put(":k" + i, ownerKey.get(fk.get(i).targetKey().storedName()));
                condition.append(i == 0 ? "" : " AND ").append("#k").append(i).append(" = :k").append(i);
            }
            table = child.root().tableName();
            index = a.foreignKeyIndex() == null ? null : a.foreignKeyIndex().name();
            filter = Reads.ownItemsFilter(child, names, values);
        } else {
            EntityMeta link = a.linkTable();
            names.put("#k0", (a.linkOwner() ? link.partitionKey() : a.inverse().linkTarget()).storedName());
            values.put(":k0", owner.root().linkValue(ownerKey));
            condition.append("#k0 = :k0");
            table = link.tableName();
            index = a.linkOwner() ? null : link.indexes().get(0).name();
        }
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression(condition.toString()).filterExpression(filter)
                    .expressionAttributeNames(names).expressionAttributeValues(values).select(Select.COUNT)
                    .consistentRead(index == null && consistentReads).exclusiveStartKey(start);
            if (filter == null && upTo - total < Integer.MAX_VALUE) {
                // Without a filter every item evaluated is counted: asking for no more than needed reads no more.
                q.limit((int) (upTo - total));
            }
            QueryResponse r = services.dynamo().queryPage(q.build());
            total += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && total < upTo);
        return (int) Math.min(Math.min(total, upTo), Integer.MAX_VALUE);
    }

    private static AssociationMeta association(EntityMeta owner, String name) {
        AssociationMeta a = owner.association(name);
        if (a == null) {
            throw new IllegalStateException("entity " + owner.name() + " has no relationship '" + name + "'");
        }
        return a;
    }

    /** The element's item as DynamoDB holds it: the managed snapshot (flushed before the query), else a read. */
    private Map<String, AttributeValue> storedItem(EntityMeta meta, Map<String, AttributeValue> key) {
        EntityEntry entry = session.context().entry(meta, key);
        if (entry != null && entry.snapshot() != null) {
            return entry.status() == EntityEntry.Status.REMOVED ? null : entry.snapshot();
        }
        return session.loader().read(meta, key, retrieve, store);
    }

    private boolean hasKey(EntityMeta meta, Object element) {
        var info = services.queryModel().entity(meta.name()).orElseThrow();
        Map<String, Object> key = info.keyOf().apply(element);
        for (String path : info.keyPaths()) {
            if (key == null || key.get(path) == null) {
                return false;
            }
        }
        return true;
    }

    /** A DynamoDB key of an entity as the compiler's {@link EntityKey}: key path to Java value. */
}
