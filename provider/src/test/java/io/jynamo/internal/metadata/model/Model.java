package io.jynamo.internal.metadata.model;

import io.jynamo.annotations.SortKey;
import io.jynamo.internal.metadata.MetadataBuilder;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Basic;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The small persistence unit the metamodel tests share: one entity per id shape and access type. */
final class Model {

    private Model() {
    }

    /** The metamodel of every entity below. */
    static MetamodelImpl metamodel() {
        return new MetamodelImpl(new MetadataBuilder("").build(List.of(
                User.class, Order.class, Reading.class, ReadingId.class, Account.class,
                Event.class, Address.class, Geo.class)));
    }

    enum Status { ACTIVE, BLOCKED }

    /** Simple id, primitive and wrapper attributes, a version, an embedded, three element collections. */
    @Entity
    static class User {
        @Id
        String email;
        int age;
        Long score;
        @Basic(optional = false)
        String name;
        @Enumerated(EnumType.STRING)
        Status status;
        @Version
        long version;
        @Embedded
        Address address;
        @ElementCollection
        List<String> tags;
        @ElementCollection
        Set<Integer> lucky;
        @ElementCollection
        Collection<String> notes;
        @Transient
        String ignored;
    }

    @Embeddable
    static class Address {
        String street;
        @Embedded
        Geo geo;
        @ElementCollection
        List<String> lines;
    }

    @Embeddable
    static class Geo {
        double lat;
        Double lon;
    }

    /** Composite key through an id class. */
    @Entity
    @IdClass(OrderId.class)
    static class Order {
        @Id
        String customer;
        @Id
        @SortKey
        long number;
        String item;
    }

    static class OrderId {
        String customer;
        long number;
    }

    /** Composite key through an embedded id, with a wrapper version. */
    @Entity
    static class Reading {
        @EmbeddedId
        ReadingId id;
        double value;
        @Version
        Integer version;
    }

    @Embeddable
    static class ReadingId {
        String sensor;
        @SortKey
        long at;
    }

    /** Property access. */
    @Entity
    @Access(AccessType.PROPERTY)
    static class Account {
        private String id;
        private long balance;
        private List<String> nicknames;

        @Id
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public long getBalance() {
            return balance;
        }

        public void setBalance(long balance) {
            this.balance = balance;
        }

        @ElementCollection
        public List<String> getNicknames() {
            return nicknames;
        }

        public void setNicknames(List<String> nicknames) {
            this.nicknames = nicknames;
        }
    }

    /** A named entity with a generated UUID key and no version. */
    @Entity(name = "Evt")
    static class Event {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        UUID id;
        String kind;
    }
}
