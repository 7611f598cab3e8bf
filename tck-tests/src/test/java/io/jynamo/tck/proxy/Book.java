package io.jynamo.tck.proxy;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Field access, private state, a business method and a mutable collection; Serializable. */
@Entity
public class Book implements Serializable {
    @Id
    private String isbn;
    private String title;
    private int pages;
    @ElementCollection
    private List<String> tags = new ArrayList<>();

    protected Book() {
    }

    public Book(String isbn, String title, int pages) {
        this.isbn = isbn;
        this.title = title;
        this.pages = pages;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getTitle() {
        return title;
    }

    public int getPages() {
        return pages;
    }

    public List<String> getTags() {
        return tags;
    }

    /** Changes state without a setter. */
    public void rename(String newTitle) {
        this.title = newTitle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Book b && Objects.equals(isbn, b.getIsbn());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(isbn);
    }

    @Override
    public String toString() {
        return "Book<" + isbn + ":" + title + ">";
    }
}
