package io.jynamo.internal.context;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The collection Jynamo puts in a to-many relationship attribute of a loaded entity: it makes no call until
 * first used, then loads its elements once (one Query on the foreign-key index) and behaves as an ordinary
 * {@code ArrayList} or {@code LinkedHashSet}.
 */
public interface RelationCollection extends io.jynamo.internal.proxy.Instances.LazyState {

    /** The loading state behind the collection. */
    State<? extends Collection<Object>> state();

    /** Whether the elements have been loaded. */
    default boolean loaded() {
        return state().loaded();
    }

    @Override
    default boolean jynamoLoaded() {
        return loaded();
    }

    /** The current elements without loading them: {@code null} when not loaded. */
    default Collection<Object> elementsIfLoaded() {
        return loaded() ? state().get() : null;
    }

    /** A lazy {@code List} (for {@code List} and {@code Collection} attributes), {@code Set} or {@code Map}. */
    static Object of(io.jynamo.internal.metadata.AssociationMeta a, Supplier<List<Object>> loader) {
        Class<?> type = a.collectionType();
        if (type == java.util.Map.class) {
            // A map keyed beside the relationship loads as entries (key, target); one keyed by @MapKey as targets.
            return new LazyMap(loader, a.mapKeyColumn() != null ? RelationCollection::fromEntries : a::keyed);
        }
        return type == java.util.Set.class ? new LazySet(loader) : new LazyList(loader);
    }

    private static java.util.Map<Object, Object> fromEntries(Collection<?> entries) {
        java.util.Map<Object, Object> map = new java.util.LinkedHashMap<>();
        for (Object e : entries) {
            java.util.Map.Entry<?, ?> entry = (java.util.Map.Entry<?, ?>) e;
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }

    /** The targets a to-many value holds: a collection's elements, a map's values. */
    static Collection<?> elements(Object value) {
        return value instanceof java.util.Map<?, ?> m ? m.values() : (Collection<?>) value;
    }

    /** The loading state both kinds share. */
    final class State<C extends Collection<Object>> {
        private Supplier<List<Object>> loader;
        private final Supplier<C> empty;
        private C elements;

        State(Supplier<List<Object>> loader, Supplier<C> empty) {
            this.loader = loader;
            this.empty = empty;
        }

        C get() {
            if (elements == null) {
                List<Object> found = loader.get();
                C c = empty.get();
                c.addAll(found);
                elements = c;
                loader = null;
            }
            return elements;
        }

        boolean loaded() {
            return elements != null;
        }
    }

    /** A {@code List} that loads on first use. */
    final class LazyList extends AbstractList<Object> implements RelationCollection, java.io.Serializable {
        private final transient State<ArrayList<Object>> state;

        LazyList(Supplier<List<Object>> loader) {
            this.state = new State<>(loader, ArrayList::new);
        }

        @Override
        public Object get(int index) {
            return state.get().get(index);
        }

        @Override
        public int size() {
            return state.get().size();
        }

        @Override
        public Object set(int index, Object element) {
            return state.get().set(index, element);
        }

        @Override
        public void add(int index, Object element) {
            state.get().add(index, element);
            modCount++;
        }

        @Override
        public Object remove(int index) {
            modCount++;
            return state.get().remove(index);
        }

        @Override
        public State<? extends Collection<Object>> state() {
            return state;
        }

        /** Serialized as a plain list of what it holds (loading it first), so no Jynamo class is needed to read it. */
        private Object writeReplace() {
            return new ArrayList<>(state.get());
        }
    }

    /** A {@code Set} that loads on first use. */
    final class LazySet extends AbstractSet<Object> implements RelationCollection, java.io.Serializable {
        private final transient State<LinkedHashSet<Object>> state;

        LazySet(Supplier<List<Object>> loader) {
            this.state = new State<>(loader, LinkedHashSet::new);
        }

        @Override
        public Iterator<Object> iterator() {
            return state.get().iterator();
        }

        @Override
        public int size() {
            return state.get().size();
        }

        @Override
        public boolean add(Object o) {
            return state.get().add(o);
        }

        @Override
        public boolean contains(Object o) {
            return state.get().contains(o);
        }

        @Override
        public boolean remove(Object o) {
            return state.get().remove(o);
        }

        @Override
        public State<? extends Collection<Object>> state() {
            return state;
        }

        private Object writeReplace() {
            return new LinkedHashSet<>(state.get());
        }
    }

    /** A {@code Map} (keyed by an attribute of the targets, {@code @MapKey}) that loads on first use. */
    final class LazyMap extends java.util.AbstractMap<Object, Object> implements RelationCollection, java.io.Serializable {
        private final transient State<ArrayList<Object>> state;
        private final transient java.util.function.Function<Collection<?>, java.util.Map<Object, Object>> keyed;
        private transient java.util.Map<Object, Object> map;

        LazyMap(Supplier<List<Object>> loader, java.util.function.Function<Collection<?>, java.util.Map<Object, Object>> keyed) {
            this.state = new State<>(loader, ArrayList::new);
            this.keyed = keyed;
        }

        private java.util.Map<Object, Object> map() {
            if (map == null) {
                map = new java.util.LinkedHashMap<>(keyed.apply(state.get()));
            }
            return map;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return map().entrySet();
        }

        @Override
        public Object put(Object key, Object value) {
            return map().put(key, value);
        }

        @Override
        public Object get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public Object remove(Object key) {
            return map().remove(key);
        }

        @Override
        public int size() {
            return map().size();
        }

        @Override
        public State<? extends Collection<Object>> state() {
            return state;
        }

        @Override
        public Collection<Object> elementsIfLoaded() {
            return loaded() ? map().values() : null;
        }

        /** Serialized as a plain map of what it holds (loading it first), so no Jynamo class is needed to read it. */
        private Object writeReplace() {
            return new java.util.LinkedHashMap<>(map());
        }
    }
}
