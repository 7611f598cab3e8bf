package io.jynamo.tck.idgen.pkg;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Its generator "parcels" is declared on the package. */
@Entity
public class Parcel {
    @Id
    @GeneratedValue(generator = "parcels")
    public Long id;
}
