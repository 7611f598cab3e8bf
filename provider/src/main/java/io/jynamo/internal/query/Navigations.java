package io.jynamo.internal.query;

import io.jynamo.internal.context.EntityLoader;
import io.jynamo.internal.metadata.AssociationMeta;
import io.jynamo.internal.metadata.EntityMeta;
import io.jynamo.internal.metadata.ItemKey;
import io.jynamo.jpql.model.AttributeInfo;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The attributes of to-one targets a query reads in Java ({@code o.customer.name}, {@code o.customer.home.city}:
 * {@link AttributeInfo#navigated()}): only the target's key is on the owner's item, so the targets of the items
 * read are loaded, for up to {@value #AHEAD} items at a time, each level of the path in BatchGetItem calls of 100
 * keys (through the shared cache), and each target once per query. The target of the inverse side of a one-to-one
 * ({@code o.card.balance}, the card storing the order's key) is found by one Query of its foreign-key index per owner.
 */
final class Navigations {
    /** How many items are read ahead to load their targets together. */
    static final int AHEAD = 100;

    /** A pseudo-attribute's path: the owning to-ones followed, then the target's attribute ({@code null}: the target). */
    private record Path(List<AssociationMeta> hops, EntityMeta target, String attribute, List<String> storedPath) {
    }

    private final EntityMeta root;
    private final QueryServices services;
    private final EntityLoader loader;
    private final CacheRetrieveMode retrieve;
    private final CacheStoreMode store;
    private final Map<String, Path> paths = new HashMap<>();
    /** The targets loaded, by key; {@code null} for a key no item has. */
    private final Map<ItemKey, Map<String, AttributeValue>> targets = new HashMap<>();
    /** The targets of inverse one-to-one sides, by side and owner; {@code null} where an owner has none. */
    private final Map<AssociationMeta, Map<ItemKey, Map<String, AttributeValue>>> inverse = new HashMap<>();

    Navigations(EntityMeta root, QueryServices services, EntityLoader loader, CacheRetrieveMode retrieve,
                CacheStoreMode store) {
        this.root = root;
        this.services = services;
        this.loader = loader;
        this.retrieve = retrieve;
        this.store = store;
    }

    /**
     * The items, read {@value #AHEAD} ahead so that the targets the attributes read are loaded together; the items
     * themselves when none is navigated.
     */
    Iterator<Map<String, AttributeValue>> prefetching(Iterator<Map<String, AttributeValue>> items,
                                                      Collection<AttributeInfo> read) {
        List<Path> navigated = new ArrayList<>();
        for (AttributeInfo a : read) {
            if (a.navigated()) {
                navigated.add(path(a));
            }
        }
        if (navigated.isEmpty()) {
            return items;
        }
        return new Iterator<>() {
            private final List<Map<String, AttributeValue>> ahead = new ArrayList<>(AHEAD);
            private int next;

            @Override
            public boolean hasNext() {
                if (next < ahead.size()) {
                    return true;
                }
                ahead.clear();
                next = 0;
                while (ahead.size() < AHEAD && items.hasNext()) {
                    ahead.add(items.next());
                }
                load(ahead, navigated);
                return !ahead.isEmpty();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ahead.get(next++);
            }
        };
    }

    /** The targets of the items along every path, level by level: one BatchGetItem per 100 keys not loaded yet. */
    private void load(List<Map<String, AttributeValue>> items, List<Path> navigated) {
        int depth = navigated.stream().mapToInt(p -> p.hops().size()).max().orElse(0);
        for (int level = 0; level < depth; level++) {
            Map<EntityMeta, Map<ItemKey, Map<String, AttributeValue>>> missing = new LinkedHashMap<>();
            for (Path p : navigated) {
                if (p.hops().size() <= level) {
                    continue;
                }
                AssociationMeta hop = p.hops().get(level);
                for (Map<String, AttributeValue> item : items) {
                    Map<String, AttributeValue> owner = owner(item, p, level);
                    if (!hop.owningToOne()) {
                        if (owner != null) {
                            target(hop, owner); // found by a Query per owner: no batch read exists for it
                        }
                        continue;
                    }
                    Map<String, AttributeValue> key = owner == null ? null : hop.targetKeyOf(owner);
                    if (key != null) {
                        ItemKey k = ItemKey.canonical(hop.target().root(), key);
                        if (!targets.containsKey(k)) {
                            missing.computeIfAbsent(hop.target(), t -> new LinkedHashMap<>()).putIfAbsent(k, key);
                        }
                    }
                }
            }
            missing.forEach((target, keys) -> {
                keys.keySet().forEach(k -> targets.put(k, null));
                for (Map<String, AttributeValue> found : loader.readAll(target, new ArrayList<>(keys.values()), retrieve, store)) {
                    targets.put(ItemKey.canonical(target.root(), found), found);
                }
            });
        }
    }

    /** The item a path's hop {@code level} starts from: the root's item, or the target of the hop before. */
    private Map<String, AttributeValue> owner(Map<String, AttributeValue> item, Path p, int level) {
        Map<String, AttributeValue> at = item;
        for (int i = 0; i < level && at != null; i++) {
            at = target(p.hops().get(i), at);
        }
        return at;
    }

    /** The item of a hop's target, loaded now if it was not ({@code null}: none, or not of the target's entity). */
    private Map<String, AttributeValue> target(AssociationMeta hop, Map<String, AttributeValue> owner) {
        if (!hop.owningToOne()) {
            ItemKey k = ItemKey.canonical(hop.owner().root(), owner);
            Map<ItemKey, Map<String, AttributeValue>> found = inverse.computeIfAbsent(hop, h -> new HashMap<>());
            if (!found.containsKey(k)) {
                found.put(k, inverse(hop, owner));
            }
            return found.get(k);
        }
        Map<String, AttributeValue> key = hop.targetKeyOf(owner);
        if (key == null) {
            return null;
        }
        ItemKey k = ItemKey.canonical(hop.target().root(), key);
        if (!targets.containsKey(k)) {
            List<Map<String, AttributeValue>> found = loader.readAll(hop.target(), List.of(key), retrieve, store);
            targets.put(k, found.isEmpty() ? null : found.get(0));
        }
        Map<String, AttributeValue> item = targets.get(k);
        return item != null && hop.target().accepts(item) ? item : null;
    }

    /**
     * The target of the inverse side of a one-to-one for one owner: a Query of the target's table, through the
     * owning side's foreign-key index, by the owner's key; {@code null} when none is found.
     */
    private Map<String, AttributeValue> inverse(AssociationMeta hop, Map<String, AttributeValue> owner) {
        software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder query = hop.inverseQuery(owner);
        if (query == null) {
            return null;
        }
        EntityMeta target = hop.target();
        for (Map<String, AttributeValue> item : services.dynamo().queryAll(query.build())) {
            if (target.accepts(item) && !io.jynamo.internal.context.Expiry.expired(target, item)) {
                return item;
            }
        }
        return null;
    }

    /**
     * The Java value of a navigated attribute for one item read ({@code null} when a target on the way is missing):
     * of a path ending at a to-one ({@code SELECT o.id, o.customer}), the managed target itself.
     */
    Object value(AttributeInfo attribute, Map<String, AttributeValue> item) {
        Path p = path(attribute);
        Map<String, AttributeValue> at = owner(item, p, p.hops().size());
        if (at == null) {
            return null;
        }
        return p.attribute() == null ? loader.materialise(p.target(), at)
                : services.queryModel().read(p.target().name(), p.attribute(), Reads.stored(at, p.storedPath()));
    }

    private Path path(AttributeInfo attribute) {
        return paths.computeIfAbsent(attribute.path(), text -> {
            String[] names = text.substring(AttributeInfo.NAVIGATION_PREFIX.length()).split("\\.");
            List<AssociationMeta> hops = new ArrayList<>();
            EntityMeta at = root;
            int i = 0;
            // To-ones, then the target's attribute; none when the path ends at a to-one, whose target is read.
            while (i < names.length && at.association(names[i]) != null && !at.association(names[i]).toMany()) {
                AssociationMeta hop = at.association(names[i]);
                hops.add(hop);
                at = hop.target();
                i++;
            }
            if (i == names.length) {
                return new Path(List.copyOf(hops), at, null, List.of());
            }
            String rest = String.join(".", java.util.Arrays.asList(names).subList(i, names.length));
            AttributeInfo target = services.queryModel().entity(at.name()).orElseThrow().attributes().get(rest);
            return new Path(List.copyOf(hops), at, rest, target.storedPath());
        });
    }
}
