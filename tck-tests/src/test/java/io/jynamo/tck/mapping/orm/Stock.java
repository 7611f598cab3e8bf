package io.jynamo.tck.mapping.orm;

/** A mapped superclass declared only in shelves-orm.xml. */
public abstract class Stock {
    protected String code;
    protected int count;

    public String getCode() {
        return code;
    }

    public int getCount() {
        return count;
    }
}
