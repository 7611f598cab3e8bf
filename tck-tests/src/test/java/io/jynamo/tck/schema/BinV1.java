package io.jynamo.tck.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first version of a model: an on-demand table without index. */
@Entity(name = "Bin")
@Table(name = "bin")
public class BinV1 {
    @Id
    private String id;
    private String label;

    protected BinV1() {
    }

    public BinV1(String id, String label) {
        this.id = id;
        this.label = label;
    }
}
