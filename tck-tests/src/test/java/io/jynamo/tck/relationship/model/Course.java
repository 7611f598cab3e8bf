package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

import java.util.LinkedHashSet;
import java.util.Set;

/** The inverse side of a many-to-many: loaded through the link table's inverted index. */
@Entity
public class Course {
    @Id
    public String id;
    public String title;
    @ManyToMany(mappedBy = "courses")
    public Set<Student> students = new LinkedHashSet<>();

    public Course() {
    }

    public Course(String id, String title) {
        this.id = id;
        this.title = title;
    }
}
