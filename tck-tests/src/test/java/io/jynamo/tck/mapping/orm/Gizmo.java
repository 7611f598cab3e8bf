package io.jynamo.tck.mapping.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** Annotated, and partly remapped by orm.xml (gizmo-orm.xml) or wholly (sealed-orm.xml, metadata-complete). */
@Entity(name = "AnnotatedGizmo")
@Table(name = "annotated_gizmos")
public class Gizmo {
    @Id
    private String id;
    @Column(name = "annotated_name")
    private String name;
    @Column(name = "annotated_color")
    private String color;
    @Transient
    private String note;

    public Gizmo() {
    }

    public Gizmo(String id, String name, String color, String note) {
        this.id = id;
        this.name = name;
        this.color = color;
        this.note = note;
    }

    public String getName() {
        return name;
    }

    public String getColor() {
        return color;
    }

    public String getNote() {
        return note;
    }
}
