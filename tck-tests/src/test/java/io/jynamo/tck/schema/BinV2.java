package io.jynamo.tck.schema;

import io.jynamo.annotations.Capacity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** {@link BinV1} with a global index, now declaring a capacity its live on-demand table does not have. */
@Entity(name = "Bin")
@Table(name = "bin", indexes = @Index(name = "byLabel", columnList = "label"))
@Capacity(read = 1, write = 1)
public class BinV2 {
    @Id
    private String id;
    private String label;

    protected BinV2() {
    }
}
