package io.jynamo.tck.mapping.orm;

/** Maps a relationship in relationship-orm.xml only: a lazy many-to-one with its join column and cascade. */
public class Holder {
    private String id;
    private Vehicle vehicle;

    public Holder() {
    }

    public Holder(String id, Vehicle vehicle) {
        this.id = id;
        this.vehicle = vehicle;
    }

    public Vehicle getVehicle() {
        return vehicle;
    }
}
