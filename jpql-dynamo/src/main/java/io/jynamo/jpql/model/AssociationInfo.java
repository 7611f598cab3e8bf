package io.jynamo.jpql.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One relationship attribute of an entity, as the provider describes it to the compiler.
 *
 * <p>Only an owning to-one stores anything on the owner's item: its {@link #foreignKey()} names, for each key
 * attribute of the target, the owner's attribute that stores it (an entry of the owner's
 * {@link EntityInfo#attributes()}, by convention at the path {@code <association>.<target key path>}, e.g.
 * {@code customer.id}, with the target key's Java type and the stored name of the join column). The other kinds
 * are described so that queries over them are refused precisely and fetch joins can be explained.
 *
 * @param name         the attribute name on the owner, e.g. {@code customer}
 * @param kind         how the relationship is stored
 * @param targetEntity the JPQL entity name of the target
 * @param foreignKey   {@link Kind#OWNING_TO_ONE}: target key path (the target's partition key, then its sort key)
 *                     to the owner's attribute path that stores it; empty for the other kinds
 * @param mappedBy     inverse kinds: the owning attribute on the target ({@code mappedBy}), or for a unidirectional
 *                     {@code @OneToMany @JoinColumn} the hidden owning side ({@code Owner#attribute}, see
 *                     {@link #hiddenOwningSide()}); otherwise {@code null}
 * @param linkTable    {@link Kind#LINK_TABLE}: the link table's name; otherwise {@code null}
 * @param index        the index the association is loaded through, if any (inverse kinds: the target's index over
 *                     its foreign key; {@link Kind#LINK_TABLE}: the link table's inverted index), or {@code null}
 */
public record AssociationInfo(String name, Kind kind, String targetEntity, Map<String, String> foreignKey,
                              String mappedBy, String linkTable, String index) {

    /** How a relationship is stored. */
    public enum Kind {
        /** {@code @ManyToOne}, owning {@code @OneToOne}: the target's key stored on the owner's item */
        OWNING_TO_ONE,
        /** {@code @OneToOne(mappedBy = ...)}: the target stores the owner's key */
        INVERSE_TO_ONE,
        /**
         * {@code @OneToMany(mappedBy = ...)} or unidirectional {@code @OneToMany @JoinColumn}: each target stores the
         * owner's key (loaded by an index Query)
         */
        INVERSE_ONE_TO_MANY,
        /** {@code @ManyToMany}, unidirectional {@code @OneToMany} without {@code @JoinColumn}, any {@code @JoinTable}: items of a link table */
        LINK_TABLE;

        /** Whether the association holds a collection of targets. */
        public boolean collection() {
            return this == INVERSE_ONE_TO_MANY || this == LINK_TABLE;
        }
    }

    /** Copies the map (keeping its order). */
    public AssociationInfo {
        foreignKey = Collections.unmodifiableMap(new LinkedHashMap<>(foreignKey));
    }

    /**
     * Whether the targets' owning side has no attribute a query can name: a unidirectional {@code @OneToMany} with
     * {@code @JoinColumn}, whose foreign key the model describes as a to-one named {@code Owner#attribute}.
     */
    public boolean hiddenOwningSide() {
        return mappedBy != null && mappedBy.indexOf('#') >= 0;
    }

    /** How to reach the targets of an inverse side without joining, for messages: a query by their owner, or a fetch. */
    public String byOwnerHint(String path) {
        return hiddenOwningSide() ? "load it with LEFT JOIN FETCH " + path
                : "query " + targetEntity + " by its owner (WHERE x." + mappedBy + " = :owner), or load it with LEFT JOIN FETCH " + path;
    }

    /** An owning to-one: {@code foreignKey} maps each target key path to the owner attribute path storing it. */
    public static AssociationInfo owningToOne(String name, String targetEntity, Map<String, String> foreignKey) {
        return new AssociationInfo(name, Kind.OWNING_TO_ONE, targetEntity, foreignKey, null, null, null);
    }

    /** An inverse side ({@code mappedBy}) of a one-to-one or one-to-many, loaded through {@code index} of the target. */
    public static AssociationInfo inverse(String name, Kind kind, String targetEntity, String mappedBy, String index) {
        return new AssociationInfo(name, kind, targetEntity, Map.of(), mappedBy, null, index);
    }

    /** A to-many stored as items of a link table (with its inverted index). */
    public static AssociationInfo linkTable(String name, String targetEntity, String linkTable, String index) {
        return new AssociationInfo(name, Kind.LINK_TABLE, targetEntity, Map.of(), null, linkTable, index);
    }
}
