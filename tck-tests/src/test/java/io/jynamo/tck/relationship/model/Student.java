package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

import java.util.LinkedHashSet;
import java.util.Set;

/** The owning side of a many-to-many: link table Student_Course (students_id, courses_id). */
@Entity
public class Student {
    @Id
    public String id;
    @ManyToMany
    public Set<Course> courses = new LinkedHashSet<>();

    public Student() {
    }

    public Student(String id) {
        this.id = id;
    }
}
