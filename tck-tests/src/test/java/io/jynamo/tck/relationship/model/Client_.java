package io.jynamo.tck.relationship.model;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.StaticMetamodel;

/** The canonical metamodel class of {@link Client}, as an annotation processor writes it (plus one stale field). */
@StaticMetamodel(Client.class)
public abstract class Client_ {
    public static final String NAME = "name";
    public static volatile EntityType<Client> class_;
    public static volatile SingularAttribute<Client, String> id;
    public static volatile SingularAttribute<Client, String> name;
    public static volatile ListAttribute<Client, Purchase> purchases;
    public static volatile EntityGraph<Client> _Client_purchases;
    /** An attribute the entity no longer has: left null, not a bootstrap failure. */
    public static volatile SingularAttribute<Client, String> nickname;
}
