package io.jynamo.tck.schema;

import io.jynamo.annotations.Capacity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first version of a model: a provisioned table without index or time to live. */
@Entity(name = "Doc")
@Table(name = "doc")
@Capacity(read = 2, write = 3)
public class DocV1 {
    @Id
    private String id;
    private String owner;
    private String title;

    protected DocV1() {
    }

    public DocV1(String id, String owner, String title) {
        this.id = id;
        this.owner = owner;
        this.title = title;
    }
}
