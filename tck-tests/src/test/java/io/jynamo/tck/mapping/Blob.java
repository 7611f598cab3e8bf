package io.jynamo.tck.mapping;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.LinkedHashSet;
import java.util.Set;

/** A set of binaries, stored as BS. */
@Entity
public class Blob {
    @Id
    public String id;
    @ElementCollection
    public Set<byte[]> parts = new LinkedHashSet<>();

    public Blob() {
    }
}
