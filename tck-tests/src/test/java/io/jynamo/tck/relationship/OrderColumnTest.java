package io.jynamo.tck.relationship;

import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.CascadeType;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.ListAttribute;
import jakarta.persistence.metamodel.PluralAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @OrderColumn}: a List's positions on its link items (keyed by owner and position) or, for an inverse
 * {@code @OneToMany}, on the children's items; loaded in order, and a flush writes only what moved.
 */
public class OrderColumnTest {

    @Entity
    public static class Playlist {
        @Id
        public String id;
        @ManyToMany
        @OrderColumn
        public List<Song> songs = new ArrayList<>();
        @OneToMany
        @JoinTable(name = "Playlist_Favourites", joinColumns = @JoinColumn(name = "playlist"),
                inverseJoinColumns = @JoinColumn(name = "song"))
        @OrderColumn(name = "rank")
        public List<Song> favourites = new ArrayList<>();
        @ElementCollection
        @OrderColumn
        public List<String> tags = new ArrayList<>();

        public Playlist() {
        }

        Playlist(String id, Song... songs) {
            this.id = id;
            this.songs.addAll(Arrays.asList(songs));
        }
    }

    @Entity
    public static class Song {
        @Id
        public String id;
        public String title;
        @ManyToMany(mappedBy = "songs")
        public List<Playlist> playlists = new ArrayList<>();

        public Song() {
        }

        Song(String id) {
            this.id = id;
            this.title = "Song " + id;
        }
    }

    @Entity
    public static class Album {
        @Id
        public String id;
        @OneToMany(mappedBy = "album", cascade = CascadeType.PERSIST)
        @OrderColumn(name = "track_no")
        public List<Track> tracks = new ArrayList<>();

        public Album() {
        }

        Album(String id) {
            this.id = id;
        }

        Track add(String trackId) {
            Track t = new Track(trackId, this);
            tracks.add(t);
            return t;
        }
    }

    @Entity
    public static class Track {
        @Id
        public String id;
        @ManyToOne
        public Album album;

        public Track() {
        }

        Track(String id, Album album) {
            this.id = id;
            this.album = album;
        }
    }

    private TestUnit unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
    }

    private TestUnit start(Object... properties) {
        TestUnit.Builder b = TestUnit.of(Playlist.class, Song.class, Album.class, Track.class);
        for (int i = 0; i < properties.length; i += 2) {
            b.property((String) properties[i], properties[i + 1]);
        }
        unit = b.build();
        return unit;
    }

    private void songs(String... ids) {
        unit.inTransaction(em -> Arrays.stream(ids).forEach(id -> em.persist(new Song(id))));
    }

    private void playlist(String... songIds) {
        unit.inTransaction(em -> {
            Playlist p = new Playlist("p1");
            for (String id : songIds) {
                p.songs.add(em.getReference(Song.class, id));
            }
            em.persist(p);
        });
    }

    /** The link table's items of p1 as position -> song. */
    private Map<Integer, String> stored() {
        return unit.calls().client().scan(s -> s.tableName(unit.prefix() + "Playlist_Song")).items().stream()
                .collect(Collectors.toMap(i -> Integer.valueOf(i.get("songs_ORDER").n()), i -> i.get("songs_id").s(),
                        (a, b) -> a, TreeMap::new));
    }

    private List<String> loaded() {
        return unit.fromTransaction(em -> em.find(Playlist.class, "p1").songs.stream().map(s -> s == null ? null : s.id)
                .collect(Collectors.toList()));
    }

    private List<WriteRequest> writes() {
        List<WriteRequest> all = new ArrayList<>();
        for (BatchWriteItemRequest b : unit.calls().<BatchWriteItemRequest>requests("batchWriteItem")) {
            b.requestItems().values().forEach(all::addAll);
        }
        return all;
    }

    private long puts() {
        return writes().stream().filter(w -> w.putRequest() != null).count();
    }

    private long deletes() {
        return writes().stream().filter(w -> w.deleteRequest() != null).count();
    }

    @Test
    void memberOfAndSizeOnAnOrderedLinkTableReadTheTargetColumnBesideThePosition() {
        start("jynamo.client-side", "allow");
        songs("a", "b", "c");
        playlist("c", "a", "c");
        unit.withEntityManager(em -> {
            Song a = em.find(Song.class, "a");
            assertEquals(List.of("p1"), em.createQuery("SELECT p FROM Playlist p WHERE :s MEMBER OF p.songs", Playlist.class)
                    .setParameter("s", a).getResultList().stream().map(p -> p.id).toList());
            assertEquals(List.of("p1"), em.createQuery("SELECT DISTINCT p FROM Playlist p JOIN p.songs s WHERE s.id = 'c'",
                    Playlist.class).getResultList().stream().map(p -> p.id).toList());
            assertEquals(List.of(), em.createQuery("SELECT s FROM Song s WHERE SIZE(s.playlists) > 0 AND s.id = 'b'",
                    Song.class).getResultList());
            assertEquals(1, em.createQuery("SELECT s FROM Song s WHERE SIZE(s.playlists) > 0 AND s.id = 'a'",
                    Song.class).getResultList().size());
            return null;
        });
    }

    @Test
    void aLinkTableListStoresEachPositionAndLoadsInThatOrderWithOneQueryAndOneBatchGet() {
        start();
        songs("a", "b", "c");
        playlist("c", "a", "b");
        assertEquals(Map.of(0, "c", 1, "a", 2, "b"), stored());
        unit.calls().reset();
        assertEquals(List.of("c", "a", "b"), loaded());
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().count("batchGetItem"));
        assertEquals(Set.of("p1"), unit.fromTransaction(em -> em.find(Song.class, "a").playlists.stream()
                .map(p -> p.id).collect(Collectors.toSet())), "the inverse side reads the inverted index");
    }

    @Test
    void swappingTwoElementsWritesTheirTwoLinksOnly() {
        start();
        songs("a", "b", "c", "d", "e");
        playlist("a", "b", "c", "d", "e");
        unit.calls().reset();
        unit.inTransaction(em -> {
            List<Song> s = em.find(Playlist.class, "p1").songs;
            Song b = s.get(1);
            s.set(1, s.get(3));
            s.set(3, b);
        });
        assertEquals(2, puts(), writes().toString());
        assertEquals(0, deletes());
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertEquals(List.of("a", "d", "c", "b", "e"), loaded());
    }

    @Test
    void removingFromTheMiddleRewritesTheShiftedPositionsAndDeletesTheLastOne() {
        start();
        songs("a", "b", "c", "d", "e");
        playlist("a", "b", "c", "d", "e");
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Playlist.class, "p1").songs.remove(2));
        assertEquals(2, puts(), "d and e move up");
        assertEquals(1, deletes(), "position 4 is gone");
        assertEquals(List.of("a", "b", "d", "e"), loaded());
        assertEquals(Map.of(0, "a", 1, "b", 2, "d", 3, "e"), stored());
    }

    @Test
    void appendingWritesOneLinkAndAnUnchangedListWritesNothing() {
        start();
        songs("a", "b", "c");
        playlist("a", "b");
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Playlist.class, "p1").songs.add(em.getReference(Song.class, "c")));
        assertEquals(1, puts());
        assertEquals(0, deletes());
        unit.calls().reset();
        unit.inTransaction(em -> assertEquals(3, em.find(Playlist.class, "p1").songs.size()));
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertEquals(List.of("a", "b", "c"), loaded());
    }

    @Test
    void aListMayHoldTheSameTargetTwice() {
        start();
        songs("a", "b");
        playlist("a", "b", "a");
        assertEquals(List.of("a", "b", "a"), loaded());
        unit.inTransaction(em -> em.find(Playlist.class, "p1").songs.remove(0));
        assertEquals(List.of("b", "a"), loaded());
    }

    @Test
    void gapsAndTargetsThatAreGoneReadAsNull() {
        start();
        songs("a", "c", "d");
        playlist("a", "c", "d");
        // Another writer left position 1 empty and removed the song at position 2.
        unit.calls().client().deleteItem(d -> d.tableName(unit.prefix() + "Playlist_Song")
                .key(Map.of("playlists_id", AttributeValue.fromS("p1"), "songs_ORDER", AttributeValue.fromN("1"))));
        unit.calls().client().putItem(p -> p.tableName(unit.prefix() + "Playlist_Song").item(Map.of(
                "playlists_id", AttributeValue.fromS("p1"), "songs_ORDER", AttributeValue.fromN("3"),
                "songs_id", AttributeValue.fromS("d"))));
        unit.inTransaction(em -> em.remove(em.find(Song.class, "d")));
        List<String> read = loaded();
        assertEquals(Arrays.asList("a", null, null, null), read);
        unit.inTransaction(em -> {
            List<Song> s = em.find(Playlist.class, "p1").songs;
            s.removeIf(x -> x == null);
        });
        assertEquals(List.of("a"), loaded());
        assertEquals(Map.of(0, "a"), stored(), "the links of gone targets were deleted with the nulls");
    }

    @Test
    void aJoinTableOneToManyKeepsItsOrderUnderItsDeclaredNames() {
        start();
        songs("a", "b", "c");
        unit.inTransaction(em -> {
            Playlist p = new Playlist("p1");
            p.favourites.add(em.getReference(Song.class, "b"));
            p.favourites.add(em.getReference(Song.class, "c"));
            p.favourites.add(em.getReference(Song.class, "a"));
            em.persist(p);
        });
        List<Map<String, AttributeValue>> items = unit.calls().client().scan(s -> s.tableName(unit.prefix()
                + "Playlist_Favourites")).items();
        assertEquals(3, items.size());
        assertTrue(items.stream().allMatch(i -> i.keySet().equals(Set.of("playlist", "rank", "song"))), items.toString());
        assertEquals(List.of("b", "c", "a"), unit.fromTransaction(em -> em.find(Playlist.class, "p1").favourites.stream()
                .map(s -> s.id).toList()));
    }

    @Test
    void inAtomicModeTheMovedLinksAreInTheOneTransaction() {
        start(io.jynamo.JynamoProperties.WRITE_MODE, "atomic");
        songs("a", "b", "c");
        playlist("a", "b", "c");
        unit.calls().reset();
        unit.inTransaction(em -> {
            List<Song> s = em.find(Playlist.class, "p1").songs;
            s.add(0, s.remove(2));
        });
        assertEquals(1, unit.calls().count("transactWriteItems"));
        assertEquals(3, unit.calls().<TransactWriteItemsRequest>requests("transactWriteItems").get(0).transactItems().size());
        assertEquals(List.of("c", "a", "b"), loaded());
    }

    /** The tracks' positions as stored on their own items. */
    private Map<String, String> trackNumbers() {
        return unit.calls().client().scan(s -> s.tableName(unit.prefix() + "Track")).items().stream()
                .collect(Collectors.toMap(i -> i.get("id").s(), i -> i.containsKey("track_no") ? i.get("track_no").n() : "-",
                        (a, b) -> a, TreeMap::new));
    }

    private List<String> tracks() {
        return unit.fromTransaction(em -> em.find(Album.class, "al").tracks.stream().map(t -> t == null ? null : t.id)
                .collect(Collectors.toList()));
    }

    @Test
    void anInverseListStoresPositionsOnTheChildrenAndLoadsByThemWithOneQuery() {
        start();
        unit.inTransaction(em -> {
            Album al = new Album("al");
            al.add("t3");
            al.add("t1");
            al.add("t2");
            em.persist(al);
        });
        assertEquals(Map.of("t1", "1", "t2", "2", "t3", "0"), trackNumbers());
        unit.calls().reset();
        assertEquals(List.of("t3", "t1", "t2"), tracks());
        assertEquals(1, unit.calls().count("query"));
        assertEquals(0, unit.calls().count("batchGetItem"));
    }

    @Test
    void reorderingAnInverseListWritesOnlyTheChildrenThatMoved() {
        start();
        unit.inTransaction(em -> {
            Album al = new Album("al");
            for (int i = 0; i < 5; i++) {
                al.add("t" + i);
            }
            em.persist(al);
        });
        unit.calls().reset();
        unit.inTransaction(em -> {
            List<Track> t = em.find(Album.class, "al").tracks;
            t.add(1, t.remove(3)); // t0 t3 t1 t2 t4
        });
        assertEquals(3, puts(), writes().toString());
        assertEquals(List.of("t0", "t3", "t1", "t2", "t4"), tracks());
        assertEquals("4", trackNumbers().get("t4"));
    }

    @Test
    void inPatchModeAMovedChildIsAnUpdateOfItsPositionOnly() {
        start(io.jynamo.JynamoProperties.UPDATE_MODE, "patch");
        unit.inTransaction(em -> {
            Album al = new Album("al");
            al.add("t0");
            al.add("t1");
            em.persist(al);
        });
        unit.calls().reset();
        unit.inTransaction(em -> {
            List<Track> t = em.find(Album.class, "al").tracks;
            t.add(t.remove(0));
        });
        List<software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest> updates = unit.calls().requests("updateItem");
        assertEquals(2, updates.size());
        assertTrue(updates.stream().allMatch(u -> u.updateExpression().equals("SET #n0 = :v0")
                && u.expressionAttributeNames().get("#n0").equals("track_no")), updates.toString());
        assertEquals(List.of("t1", "t0"), tracks());
    }

    @Test
    void removingTheOwnerDeletesItsOrderedLinks() {
        start();
        songs("a", "b");
        playlist("a", "b", "a");
        unit.inTransaction(em -> em.remove(em.find(Playlist.class, "p1")));
        assertEquals(Map.of(), stored());
    }

    @Test
    void anInverseChildWithoutAPositionComesLastAndGetsOneAtTheNextFlush() {
        start();
        unit.inTransaction(em -> {
            Album al = new Album("al");
            al.add("t1");
            al.add("t0");
            em.persist(al);
        });
        // Written by another program without a position, under a key the Query returns first.
        unit.calls().client().putItem(p -> p.tableName(unit.prefix() + "Track").item(Map.of(
                "id", AttributeValue.fromS("a0"), "album_id", AttributeValue.fromS("al"))));
        unit.inTransaction(em -> {
            Album al = em.find(Album.class, "al");
            assertEquals(List.of("t1", "t0", "a0"), al.tracks.stream().map(t -> t.id).toList());
        });
        assertEquals("2", trackNumbers().get("a0"));
        assertEquals("0", trackNumbers().get("t1"));
    }

    @Test
    void anElementCollectionListKeepsItsOrderWithOrderColumn() {
        start();
        unit.inTransaction(em -> {
            Playlist p = new Playlist("p1");
            p.tags.addAll(List.of("zeta", "alpha", "mu", "alpha"));
            em.persist(p);
        });
        assertEquals(List.of("zeta", "alpha", "mu", "alpha"), unit.fromTransaction(em -> new ArrayList<>(
                em.find(Playlist.class, "p1").tags)));
    }

    @Test
    void theMetamodelSaysList() {
        start();
        var type = unit.emf().getMetamodel().entity(Playlist.class);
        ListAttribute<? super Playlist, ?> songs = type.getList("songs");
        assertEquals(Song.class, songs.getElementType().getJavaType());
        assertEquals(PluralAttribute.CollectionType.LIST, songs.getCollectionType());
        assertInstanceOf(ListAttribute.class, unit.emf().getMetamodel().entity(Album.class).getAttribute("tracks"));
    }

    @Test
    void anUnloadedOrderedListWritesNothingAndIsNotLoaded() {
        start();
        songs("a");
        playlist("a");
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Playlist.class, "p1").tags.add("x"));
        assertEquals(0, unit.calls().count("query"));
        assertEquals(0, writes().stream().filter(w -> w.putRequest() != null
                && w.putRequest().item().containsKey("songs_ORDER")).count());
        assertEquals(1, puts(), "the playlist item only");
    }

    @Entity
    public static class OrderedSet {
        @Id
        public String id;
        @ManyToMany
        @OrderColumn
        public Set<Song> songs;
    }

    @Entity
    public static class InverseOrdered {
        @Id
        public String id;
        @ManyToMany(mappedBy = "owners")
        @OrderColumn
        public List<OwnerOfInverse> owners;
    }

    @Entity
    public static class OwnerOfInverse {
        @Id
        public String id;
        @ManyToMany
        public List<InverseOrdered> owners;
    }

    @Test
    void orderColumnOnASetOrOnTheInverseSideOfAManyToManyIsRefusedAtBootstrap() {
        PersistenceException set = assertThrows(PersistenceException.class,
                () -> TestUnit.of(OrderedSet.class, Song.class, Playlist.class).build().close());
        assertTrue(set.getMessage().contains("'songs'") && set.getMessage().contains("declare it List"), set.getMessage());
        PersistenceException inverse = assertThrows(PersistenceException.class,
                () -> TestUnit.of(InverseOrdered.class, OwnerOfInverse.class).build().close());
        assertTrue(inverse.getMessage().contains("inverse (mappedBy) side of a @ManyToMany"), inverse.getMessage());
    }
}
