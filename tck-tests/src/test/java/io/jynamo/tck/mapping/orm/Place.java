package io.jynamo.tck.mapping.orm;

/** An embeddable declared only in shelves-orm.xml. */
public class Place {
    private String aisle;
    private int row;

    public Place() {
    }

    public Place(String aisle, int row) {
        this.aisle = aisle;
        this.row = row;
    }

    public String getAisle() {
        return aisle;
    }

    public int getRow() {
        return row;
    }
}
