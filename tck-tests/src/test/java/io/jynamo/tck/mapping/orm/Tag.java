package io.jynamo.tck.mapping.orm;

/** Mapped in tags-orm.xml with property access: its fields have other names than its properties. */
public class Tag {
    private String n;
    private String l;

    public String getName() {
        return n;
    }

    public void setName(String name) {
        this.n = name;
    }

    public String getLabel() {
        return l;
    }

    public void setLabel(String label) {
        this.l = label;
    }
}
