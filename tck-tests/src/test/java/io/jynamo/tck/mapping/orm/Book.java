package io.jynamo.tck.mapping.orm;

/** Mapped only in orm.xml: no annotation at all. */
public class Book {
    public enum Format { HARDCOVER, PAPERBACK }

    private String isbn;
    private String title;
    private int pages;
    private Format format;
    private String scratch;

    public Book() {
    }

    public Book(String isbn, String title, int pages, Format format) {
        this.isbn = isbn;
        this.title = title;
        this.pages = pages;
        this.format = format;
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

    public Format getFormat() {
        return format;
    }

    public String getScratch() {
        return scratch;
    }

    public void setScratch(String scratch) {
        this.scratch = scratch;
    }
}
