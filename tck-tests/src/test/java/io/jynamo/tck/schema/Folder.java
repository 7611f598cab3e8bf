package io.jynamo.tck.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity new in the model's next version: its table does not exist yet. */
@Entity
public class Folder {
    @Id
    private String name;

    protected Folder() {
    }

    public Folder(String name) {
        this.name = name;
    }
}
