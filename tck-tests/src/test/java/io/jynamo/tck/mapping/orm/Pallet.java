package io.jynamo.tck.mapping.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;

/** Annotated with join columns that pallet-orm.xml replaces: the XML's alone are the ones stored. */
@Entity
public class Pallet {
    @Id
    public String id;

    @ManyToOne
    @JoinColumn(name = "dock_ref")
    public Dock dock;

    @ManyToOne
    @JoinColumns({@JoinColumn(name = "bay_row", referencedColumnName = "aisle"),
            @JoinColumn(name = "bay_col", referencedColumnName = "slot")})
    public Bay bay;

    public Pallet() {
    }

    public Pallet(String id, Dock dock, Bay bay) {
        this.id = id;
        this.dock = dock;
        this.bay = bay;
    }

    /** A target with a one-attribute key. */
    @Entity
    public static class Dock {
        @Id
        public String id;

        public Dock() {
        }

        public Dock(String id) {
            this.id = id;
        }
    }

    /** A target with a two-attribute key. */
    @Entity
    @jakarta.persistence.IdClass(Bay.Key.class)
    public static class Bay {
        @Id
        public String aisle;
        @Id
        public int slot;

        public Bay() {
        }

        public Bay(String aisle, int slot) {
            this.aisle = aisle;
            this.slot = slot;
        }

        public record Key(String aisle, int slot) implements java.io.Serializable {
        }
    }
}
