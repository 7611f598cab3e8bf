package io.jynamo.tck.relationship.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A many-to-one to a composite key: stored as shelf_room and shelf_position. */
@Entity
public class Book {
    @Id
    public String isbn;
    @ManyToOne
    public Shelf shelf;

    public Book() {
    }

    public Book(String isbn, Shelf shelf) {
        this.isbn = isbn;
        this.shelf = shelf;
    }
}
