package io.jynamo.tck.mapping.orm;

/** A subclass declared only in vehicles-orm.xml. */
public class Car extends Vehicle {
    private int seats;

    public Car() {
    }

    public Car(String id, int seats) {
        super(id);
        this.seats = seats;
    }

    public int getSeats() {
        return seats;
    }
}
