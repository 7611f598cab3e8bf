package io.jynamo.tck.mapping.orm;

import java.util.ArrayList;
import java.util.List;

/** An entity declared only in shelves-orm.xml: inherited key, an embedded place, a collection of tags. */
public class Shelf extends Stock {
    private Place place;
    private List<String> tags = new ArrayList<>();

    public Shelf() {
    }

    public Shelf(String code, int count, Place place, List<String> tags) {
        this.code = code;
        this.count = count;
        this.place = place;
        this.tags = new ArrayList<>(tags);
    }

    public Place getPlace() {
        return place;
    }

    public List<String> getTags() {
        return tags;
    }
}
