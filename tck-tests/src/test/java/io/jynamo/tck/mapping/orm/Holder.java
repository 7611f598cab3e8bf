package io.jynamo.tck.mapping.orm;

/** Maps a relationship in relationship-orm.xml, which Jynamo refuses like the annotation until it supports them. */
public class Holder {
    private String id;
    private Vehicle vehicle;
}
