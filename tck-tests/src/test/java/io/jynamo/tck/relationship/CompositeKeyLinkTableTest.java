package io.jynamo.tck.relationship;

import io.jynamo.tck.relationship.model.Shelf;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Link tables ({@code @ManyToMany}) between entities with composite keys: a link holds a composite key in one
 * attribute, its key attributes joined as a sort key of three or more is ({@code r1#3}).
 */
class CompositeKeyLinkTableTest {

    @Entity
    public static class Library {
        @Id
        public String id;
        @ManyToMany
        public List<Shelf> shelves = new ArrayList<>();
        @ManyToMany
        @JoinTable(name = "Library_Favourites", inverseJoinColumns = {@JoinColumn(name = "ROOM"),
                @JoinColumn(name = "POS")})
        @OrderColumn(name = "rank")
        public List<Shelf> favourites = new ArrayList<>();
    }

    public record BookKey(String isbn, Integer edition, Integer printing) implements Serializable {
    }

    @Entity
    @IdClass(BookKey.class)
    public static class Book {
        @Id
        public String isbn;
        @Id
        public Integer edition;
        @Id
        public Integer printing;
        public String title;
        @ManyToMany(mappedBy = "books")
        public Set<Reader> readers = new LinkedHashSet<>();

        public Book() {
        }

        Book(String isbn, int edition, int printing, String title) {
            this.isbn = isbn;
            this.edition = edition;
            this.printing = printing;
            this.title = title;
        }
    }

    public record ReaderKey(String first, String last) implements Serializable {
    }

    @Entity
    @IdClass(ReaderKey.class)
    public static class Reader {
        @Id
        public String first;
        @Id
        public String last;
        @ManyToMany
        public Set<Book> books = new LinkedHashSet<>();

        public Reader() {
        }

        Reader(String first, String last) {
            this.first = first;
            this.last = last;
        }
    }

    private TestUnit unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
    }

    private List<Map<String, AttributeValue>> items(String table) {
        return TestUnit.sharedClient().scan(s -> s.tableName(unit.prefix() + table)).items();
    }

    @Test
    void aLinkToAnEntityWithACompositeKeyHoldsItsKeyJoined() {
        unit = TestUnit.of(Library.class, Shelf.class).build();
        unit.inTransaction(em -> {
            Library l = new Library();
            l.id = "central";
            for (int i = 1; i <= 3; i++) {
                Shelf s = new Shelf("r1", i, "shelf " + i);
                em.persist(s);
                l.shelves.add(s);
            }
            em.persist(l);
        });
        Set<String> links = items("Library_Shelf").stream().map(i -> i.get("shelves_room#position").s())
                .collect(Collectors.toSet());
        assertEquals(Set.of("r1#1", "r1#2", "r1#3"), links);
        assertEquals("central", items("Library_Shelf").get(0).get("Library_id").s());
        unit.inTransaction(em -> {
            Library l = em.find(Library.class, "central");
            assertEquals(Set.of(1, 2, 3), l.shelves.stream().map(s -> s.position).collect(Collectors.toSet()));
            l.shelves.removeIf(s -> s.position == 2);
        });
        assertEquals(Set.of(1, 3), unit.withEntityManager(em -> em.find(Library.class, "central").shelves.stream()
                .map(s -> s.position).collect(Collectors.toSet())));
    }

    @Test
    void anOrderedLinkNamedByTwoJoinColumnsKeepsItsOrder() {
        unit = TestUnit.of(Library.class, Shelf.class).build();
        unit.inTransaction(em -> {
            Library l = new Library();
            l.id = "east";
            Shelf a = new Shelf("r2", 1, "a");
            Shelf b = new Shelf("r2", 2, "b");
            em.persist(a);
            em.persist(b);
            l.favourites.add(b);
            l.favourites.add(a);
            em.persist(l);
        });
        assertTrue(items("Library_Favourites").stream().allMatch(i -> i.containsKey("ROOM#POS")), items("Library_Favourites").toString());
        assertEquals(List.of("b", "a"), unit.withEntityManager(em -> em.find(Library.class, "east").favourites.stream()
                .map(s -> s.label).toList()));
    }

    @Test
    void bothSidesWithCompositeKeysLoadQueryAndCount() {
        unit = TestUnit.of(Book.class, Reader.class).build();
        unit.inTransaction(em -> {
            Book dune = new Book("isbn-1", 2, 1, "Dune");
            Book emma = new Book("isbn#2", 1, 3, "Emma");
            em.persist(dune);
            em.persist(emma);
            Reader ada = new Reader("Ada", "Lovelace");
            ada.books.add(dune);
            ada.books.add(emma);
            Reader bob = new Reader("Bob", "Smith");
            bob.books.add(emma);
            em.persist(ada);
            em.persist(bob);
        });
        assertEquals(Set.of("isbn-1#2\\#1", "isbn\\#2#1\\#3"), items("Reader_Book").stream()
                .map(i -> i.get("books_isbn#edition#printing").s()).collect(Collectors.toSet()),
                "the book's partition key and its joined sort key, joined again");
        unit.withEntityManager(em -> {
            Reader ada = em.find(Reader.class, new ReaderKey("Ada", "Lovelace"));
            assertEquals(Set.of("Dune", "Emma"), ada.books.stream().map(b -> b.title).collect(Collectors.toSet()));
            Book emma = em.find(Book.class, new BookKey("isbn#2", 1, 3));
            assertEquals(Set.of("Ada", "Bob"), emma.readers.stream().map(r -> r.first).collect(Collectors.toSet()),
                    "the inverse side reads the link table's index by the joined key");
            List<String> readersOfDune = em.createQuery(
                    "SELECT r.first FROM Reader r JOIN r.books b WHERE b.title = 'Dune'", String.class).getResultList();
            assertEquals(List.of("Ada"), readersOfDune);
            List<String> bigReaders = em.createQuery(
                    "SELECT r.first FROM Reader r WHERE SIZE(r.books) > 1", String.class).getResultList();
            assertEquals(List.of("Ada"), bigReaders);
            List<String> emmaReaders = em.createQuery(
                    "SELECT r.first FROM Reader r WHERE :b MEMBER OF r.books ORDER BY r.first", String.class)
                    .setParameter("b", emma).getResultList();
            assertEquals(List.of("Ada", "Bob"), emmaReaders);
            return null;
        });
        unit.inTransaction(em -> em.find(Reader.class, new ReaderKey("Bob", "Smith")).books.clear());
        assertEquals(2, items("Reader_Book").size());
    }
}
