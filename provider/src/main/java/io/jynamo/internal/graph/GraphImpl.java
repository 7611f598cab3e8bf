package io.jynamo.internal.graph;

import jakarta.persistence.AttributeNode;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.Subgraph;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.MapAttribute;
import jakarta.persistence.metamodel.PluralAttribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity graph (or one of its subgraphs): attribute nodes checked against the metamodel as they are added.
 * A named graph the factory holds is immutable; {@code createEntityGraph} hands out mutable copies.
 *
 * @param <T> the type of its root
 */
public final class GraphImpl<T> implements EntityGraph<T>, Subgraph<T> {
    private final String name;
    private final ManagedType<T> type;
    private final boolean mutable;
    private final Map<String, NodeImpl<?>> nodes = new LinkedHashMap<>();

    public GraphImpl(String name, ManagedType<T> type, boolean mutable) {
        this.name = name;
        this.type = type;
        this.mutable = mutable;
    }

    /** A copy, mutable or not, under that name ({@code null} keeps this one's). */
    public GraphImpl<T> copy(String newName, boolean mutableCopy) {
        GraphImpl<T> c = new GraphImpl<>(newName != null ? newName : name, type, mutableCopy);
        nodes.forEach((n, node) -> c.nodes.put(n, node.copy(mutableCopy)));
        return c;
    }

    /** The attribute nodes by name, with their subgraphs. */
    public Map<String, GraphImpl<?>> fetches() {
        Map<String, GraphImpl<?>> out = new LinkedHashMap<>();
        nodes.forEach((n, node) -> out.put(n, node.subgraph()));
        return out;
    }

    private void checkMutable() {
        if (!mutable) {
            throw new IllegalStateException("The named entity graph '" + name + "' cannot be changed; take a copy with"
                    + " EntityManager.createEntityGraph(\"" + name + "\")");
        }
    }

    private Attribute<? super T, ?> attribute(String attributeName) {
        return type.getAttribute(attributeName); // IllegalArgumentException naming it when there is none
    }

    private NodeImpl<?> node(String attributeName) {
        checkMutable();
        attribute(attributeName);
        return nodes.computeIfAbsent(attributeName, NodeImpl::new);
    }

    @SuppressWarnings("unchecked")
    private <X> GraphImpl<X> subgraphOf(String attributeName, Class<X> declared) {
        Attribute<? super T, ?> a = attribute(attributeName);
        Class<?> target = a instanceof PluralAttribute<?, ?, ?> p ? p.getElementType().getJavaType() : a.getJavaType();
        if (declared != null && !target.isAssignableFrom(declared)) {
            throw new IllegalArgumentException(declared.getName() + " is not a " + target.getName() + ", the type of "
                    + attributeName);
        }
        if (!a.isAssociation() && a.getPersistentAttributeType() != Attribute.PersistentAttributeType.EMBEDDED) {
            throw new IllegalArgumentException(attributeName + " is a basic attribute; a subgraph needs a relationship"
                    + " or an embedded attribute");
        }
        ManagedType<X> targetType = (ManagedType<X>) Metamodels.managedType(type, a, declared != null ? declared : target);
        NodeImpl<?> node = node(attributeName);
        // Adding the subgraph of a type again extends the one made before, as Hibernate does, rather than dropping it.
        GraphImpl<?> made = (GraphImpl<?>) node.getSubgraphs().get(targetType.getJavaType());
        if (made != null) {
            return (GraphImpl<X>) made;
        }
        GraphImpl<X> sub = new GraphImpl<>(null, targetType, true);
        node.subgraph(sub);
        return sub;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Class<T> getClassType() {
        return type.getJavaType();
    }

    @Override
    public <Y> AttributeNode<Y> addAttributeNode(String attributeName) {
        @SuppressWarnings("unchecked")
        AttributeNode<Y> n = (AttributeNode<Y>) node(attributeName);
        return n;
    }

    @Override
    public <Y> AttributeNode<Y> addAttributeNode(Attribute<? super T, Y> attribute) {
        return addAttributeNode(attribute.getName());
    }

    @Override
    public boolean hasAttributeNode(String attributeName) {
        return nodes.containsKey(attributeName);
    }

    @Override
    public boolean hasAttributeNode(Attribute<? super T, ?> attribute) {
        return hasAttributeNode(attribute.getName());
    }

    @Override
    public <Y> AttributeNode<Y> getAttributeNode(String attributeName) {
        @SuppressWarnings("unchecked")
        AttributeNode<Y> n = (AttributeNode<Y>) nodes.get(attributeName);
        return n;
    }

    @Override
    public <Y> AttributeNode<Y> getAttributeNode(Attribute<? super T, Y> attribute) {
        return getAttributeNode(attribute.getName());
    }

    @Override
    public void removeAttributeNode(String attributeName) {
        checkMutable();
        nodes.remove(attributeName);
    }

    @Override
    public void removeAttributeNode(Attribute<? super T, ?> attribute) {
        removeAttributeNode(attribute.getName());
    }

    @Override
    public void removeAttributeNodes(Attribute.PersistentAttributeType nodeType) {
        checkMutable();
        nodes.keySet().removeIf(n -> attribute(n).getPersistentAttributeType() == nodeType);
    }

    @Override
    public void addAttributeNodes(String... attributeNames) {
        for (String n : attributeNames) {
            node(n);
        }
    }

    @Override
    @SafeVarargs
    public final void addAttributeNodes(Attribute<? super T, ?>... attributes) {
        for (Attribute<? super T, ?> a : attributes) {
            node(a.getName());
        }
    }

    @Override
    public <X> Subgraph<X> addSubgraph(Attribute<? super T, X> attribute) {
        return subgraphOf(attribute.getName(), null);
    }

    @Override
    public <Y> Subgraph<Y> addTreatedSubgraph(Attribute<? super T, ? super Y> attribute, Class<Y> type) {
        return subgraphOf(attribute.getName(), type);
    }

    @Override
    public <X> Subgraph<? extends X> addSubgraph(Attribute<? super T, X> attribute, Class<? extends X> type) {
        return subgraphOf(attribute.getName(), type);
    }

    @Override
    public <X> Subgraph<X> addSubgraph(String attributeName) {
        return subgraphOf(attributeName, null);
    }

    @Override
    public <X> Subgraph<X> addSubgraph(String attributeName, Class<X> type) {
        return subgraphOf(attributeName, type);
    }

    @Override
    public <E> Subgraph<E> addElementSubgraph(PluralAttribute<? super T, ?, E> attribute) {
        return subgraphOf(attribute.getName(), null);
    }

    @Override
    public <E> Subgraph<E> addTreatedElementSubgraph(PluralAttribute<? super T, ?, ? super E> attribute, Class<E> type) {
        return subgraphOf(attribute.getName(), type);
    }

    @Override
    public <X> Subgraph<X> addElementSubgraph(String attributeName) {
        return subgraphOf(attributeName, null);
    }

    @Override
    public <X> Subgraph<X> addElementSubgraph(String attributeName, Class<X> type) {
        return subgraphOf(attributeName, type);
    }

    @Override
    public <K> Subgraph<K> addMapKeySubgraph(MapAttribute<? super T, K, ?> attribute) {
        throw keys();
    }

    @Override
    public <K> Subgraph<K> addTreatedMapKeySubgraph(MapAttribute<? super T, ? super K, ?> attribute, Class<K> type) {
        throw keys();
    }

    @Override
    public <X> Subgraph<X> addKeySubgraph(Attribute<? super T, X> attribute) {
        throw keys();
    }

    @Override
    public <X> Subgraph<? extends X> addKeySubgraph(Attribute<? super T, X> attribute, Class<? extends X> type) {
        throw keys();
    }

    @Override
    public <X> Subgraph<X> addKeySubgraph(String attributeName) {
        throw keys();
    }

    @Override
    public <X> Subgraph<X> addKeySubgraph(String attributeName, Class<X> type) {
        throw keys();
    }

    private static IllegalArgumentException keys() {
        return new IllegalArgumentException("Map key subgraphs are not supported: Jynamo maps no Map of entities");
    }

    @Override
    public <S extends T> Subgraph<S> addTreatedSubgraph(Class<S> type) {
        throw new IllegalArgumentException("Subclass subgraphs are not supported: add the subclass's relationships to"
                + " a graph of the subclass");
    }

    @Override
    @SuppressWarnings("deprecation")
    public <X> Subgraph<? extends X> addSubclassSubgraph(Class<? extends X> type) {
        throw new IllegalArgumentException("Subclass subgraphs are not supported: add the subclass's relationships to"
                + " a graph of the subclass");
    }

    @Override
    public List<AttributeNode<?>> getAttributeNodes() {
        return new ArrayList<>(nodes.values());
    }

    @Override
    public String toString() {
        return "EntityGraph" + (name == null ? "" : " '" + name + "'") + " of " + type.getJavaType().getSimpleName()
                + " " + nodes.keySet();
    }
}
