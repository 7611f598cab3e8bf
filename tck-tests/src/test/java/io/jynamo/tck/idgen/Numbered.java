package io.jynamo.tck.idgen;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.TableGenerator;

import java.math.BigInteger;

/** Entities with numeric generated ids, one per id type and generator declaration. */
final class Numbered {

    private Numbered() {
    }

    /** A Long id with every default: strategy AUTO, the generator named after the entity, blocks of 50. */
    @Entity
    public static class Invoice {
        @Id
        @GeneratedValue
        public Long id;
        public String customer;

        public Invoice() {
        }

        Invoice(String customer) {
            this.customer = customer;
        }
    }

    /** A primitive int id, strategy SEQUENCE: 0 means not assigned yet. */
    @Entity
    public static class IntId {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        public int id;
        public String label;
    }

    /** A primitive long id, strategy IDENTITY. */
    @Entity
    public static class LongId {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public long id;
        public String label;
    }

    /** An Integer id, strategy TABLE. */
    @Entity
    public static class IntegerId {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE)
        public Integer id;
        public String label;
    }

    /** A BigInteger id, strategy AUTO. */
    @Entity
    public static class BigId {
        @Id
        @GeneratedValue(strategy = GenerationType.AUTO)
        public BigInteger id;
        public String label;
    }

    /** A named sequence starting at 1000, in blocks of 10. */
    @Entity
    @SequenceGenerator(name = "seeded", initialValue = 1000, allocationSize = 10)
    public static class Seeded {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seeded")
        public Long id;
    }

    /** A table generator whose last value "already generated" is 100, in blocks of 5: the first id is 101. */
    @Entity
    public static class TableSeeded {
        @Id
        @GeneratedValue(strategy = GenerationType.TABLE)
        @TableGenerator(initialValue = 100, allocationSize = 5)
        public Long id;
    }

    /** Uses the generator another entity ({@link Seeded}) declares: one counter, one series, no duplicates. */
    @Entity
    public static class SharesSeeded {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seeded")
        public Long id;
    }

    /** A numeric id with strategy UUID: refused. */
    @Entity
    public static class UuidOnLong {
        @Id
        @GeneratedValue(strategy = GenerationType.UUID)
        public Long id;
    }

    /** A sequence in another schema: Jynamo keeps every counter in the unit's one table, and ignores the schema. */
    @Entity
    @SequenceGenerator(name = "elsewhere", schema = "accounting")
    public static class OtherSchema {
        @Id
        @GeneratedValue(generator = "elsewhere")
        public Long id;
    }

    /** A block of no ids: refused. */
    @Entity
    @SequenceGenerator(name = "empty", allocationSize = 0)
    public static class EmptyBlocks {
        @Id
        @GeneratedValue(generator = "empty")
        public Long id;
    }

    /** A primitive id whose first id would be 0, the value that means unassigned: refused. */
    @Entity
    @SequenceGenerator(name = "zero", initialValue = 0)
    public static class ZeroFirst {
        @Id
        @GeneratedValue(generator = "zero")
        public long id;
    }

    /** A mapped superclass whose id names a generator it declares: every subclass meets the declaration. */
    @jakarta.persistence.MappedSuperclass
    public abstract static class Document {
        @Id
        @GeneratedValue(generator = "documents")
        @SequenceGenerator(name = "documents", initialValue = 10, allocationSize = 3)
        public Long id;
    }

    @Entity
    public static class Letter extends Document {
        public String to;
    }

    @Entity
    public static class Memo extends Document {
        public String about;
    }

    /** Declares generator "clash" starting at 1. */
    @Entity
    @SequenceGenerator(name = "clash")
    public static class ClashOne {
        @Id
        @GeneratedValue(generator = "clash")
        public Long id;
    }

    /** Declares generator "clash" again, starting at 5: refused, generator names are unit-wide. */
    @Entity
    @SequenceGenerator(name = "clash", initialValue = 5)
    public static class ClashTwo {
        @Id
        @GeneratedValue(generator = "clash")
        public Long id;
    }

    /** Counter "orders" from 1. */
    @Entity
    @SequenceGenerator(name = "ordersFromOne", sequenceName = "orders")
    public static class OrdersFromOne {
        @Id
        @GeneratedValue(generator = "ordersFromOne")
        public Long id;
    }

    /** Counter "orders" again, from 100: one counter cannot serve two series, refused. */
    @Entity
    @SequenceGenerator(name = "ordersFromHundred", sequenceName = "orders", initialValue = 100)
    public static class OrdersFromHundred {
        @Id
        @GeneratedValue(generator = "ordersFromHundred")
        public Long id;
    }

    /** Its unnamed generator is named after the entity, so the id, naming another generator, does not use it. */
    @Entity
    @SequenceGenerator(initialValue = 300)
    public static class NamesAnother {
        @Id
        @GeneratedValue(generator = "another")
        public Long id;
    }
}
