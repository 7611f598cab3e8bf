package io.jynamo.tck.mapping.orm;

/** The root of a hierarchy declared only in vehicles-orm.xml. */
public class Vehicle {
    private String id;

    public Vehicle() {
    }

    public Vehicle(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }
}
