package io.jynamo.tck.mapping.orm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Annotated with property access (its @Id is on the getter); badge-orm.xml renames a property. */
@Entity
public class Badge {
    private String id;
    private String label;

    @Id
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
