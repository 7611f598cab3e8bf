package io.jynamo.tck.mapping.orm;

import java.util.ArrayList;
import java.util.List;

/** Maps a unidirectional one-to-many with its join column in fleet-orm.xml only. */
public class Fleet {
    private String id;
    private List<Vehicle> vehicles = new ArrayList<>();

    public Fleet() {
    }

    public Fleet(String id) {
        this.id = id;
    }

    public List<Vehicle> getVehicles() {
        return vehicles;
    }
}
