package io.jynamo.tck.model;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An embedded address and element collections: List (L), Set of strings (SS), Set of numbers (NS). */
@Entity
public class Customer {
    @Id
    public String id;
    @Embedded
    public Address address;
    @ElementCollection
    public List<String> tags = new ArrayList<>();
    @ElementCollection
    public Set<String> labels = new LinkedHashSet<>();
    @ElementCollection
    public Set<Integer> scores = new LinkedHashSet<>();
    @ElementCollection
    public List<Integer> history = new ArrayList<>();

    public Customer() {
    }

    public Customer(String id) {
        this.id = id;
    }
}
