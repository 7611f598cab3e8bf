package io.jynamo.spring.keys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Objects;

/** A timetable leg keyed by route (partition key), day and stop (joined into the sort key). */
@Entity
@IdClass(Leg.Key.class)
public class Leg {
    @Id
    private String route;
    @Id
    private int day;
    @Id
    private String stop;
    private int seats;

    protected Leg() {
    }

    public Leg(String route, int day, String stop, int seats) {
        this.route = route;
        this.day = day;
        this.stop = stop;
        this.seats = seats;
    }

    public String getRoute() {
        return route;
    }

    public int getDay() {
        return day;
    }

    public String getStop() {
        return stop;
    }

    public int getSeats() {
        return seats;
    }

    public void setSeats(int seats) {
        this.seats = seats;
    }

    /** The id class, as Spring Data builds it from the three id attributes. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String route;
        private int day;
        private String stop;

        public Key() {
        }

        public Key(String route, int day, String stop) {
            this.route = route;
            this.day = day;
            this.stop = stop;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(route, k.route) && day == k.day && Objects.equals(stop, k.stop);
        }

        @Override
        public int hashCode() {
            return Objects.hash(route, day, stop);
        }
    }
}
