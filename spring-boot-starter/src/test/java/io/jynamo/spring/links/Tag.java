package io.jynamo.spring.links;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A tag of posts. */
@Entity(name = "LinkTag")
public class Tag {
    @Id
    private String name;

    protected Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
