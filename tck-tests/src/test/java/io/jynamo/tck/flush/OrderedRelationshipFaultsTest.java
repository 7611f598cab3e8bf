package io.jynamo.tck.flush;

import io.jynamo.IncompleteFlushException;
import io.jynamo.tck.relationship.MapKeyColumnTest;
import io.jynamo.tck.relationship.OrderColumnTest.Album;
import io.jynamo.tck.relationship.OrderColumnTest.Playlist;
import io.jynamo.tck.relationship.OrderColumnTest.Song;
import io.jynamo.tck.relationship.OrderColumnTest.Track;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The write kinds of ordered lists and keyed maps — link items keyed by position or map key, positions and
 * keys written on children — under the engine's faults: throttling, unprocessed items, a 500 part-way and
 * responses lost after the write landed lose, double and misreport nothing.
 */
class OrderedRelationshipFaultsTest {

    private static TestUnit unit(String... properties) {
        TestUnit.Builder b = TestUnit.of(Playlist.class, Song.class, Album.class, Track.class);
        for (int i = 0; i < properties.length; i += 2) {
            b.property(properties[i], properties[i + 1]);
        }
        return b.build();
    }

    private static List<String> songs(TestUnit unit) {
        return unit.fromTransaction(em -> em.find(Playlist.class, "p1").songs.stream().map(s -> s.id).toList());
    }

    private static List<String> tracks(TestUnit unit) {
        return unit.fromTransaction(em -> em.find(Album.class, "al").tracks.stream().map(t -> t.id).toList());
    }

    private static void fill(TestUnit unit, int n) {
        unit.inTransaction(em -> {
            Playlist p = new Playlist();
            p.id = "p1";
            Album al = new Album();
            al.id = "al";
            em.persist(al);
            for (int i = 0; i < n; i++) {
                Song s = new Song();
                s.id = "s" + i;
                em.persist(s);
                p.songs.add(s);
                Track t = new Track();
                t.id = "t" + i;
                t.album = al;
                al.tracks.add(t);
                em.persist(t);
            }
            em.persist(p);
        });
    }

    /** Moves the last element of both lists to the front: every position changes. */
    private static void rotate(EntityManager em) {
        List<Song> s = em.find(Playlist.class, "p1").songs;
        s.add(0, s.remove(s.size() - 1));
        List<Track> t = em.find(Album.class, "al").tracks;
        t.add(0, t.remove(t.size() - 1));
    }

    private static List<String> rotated(String prefix, int n) {
        List<String> expected = new ArrayList<>();
        expected.add(prefix + (n - 1));
        IntStream.range(0, n - 1).forEach(i -> expected.add(prefix + i));
        return expected;
    }

    @Test
    void movedLinksAndChildrenHandedBackUnprocessedAreSentAgainUntilAllLand() {
        try (TestUnit unit = unit()) {
            fill(unit, 30);
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(OrderedRelationshipFaultsTest::rotate);
            unit.calls().fault(null);
            assertEquals(rotated("s", 30), songs(unit));
            assertEquals(rotated("t", 30), tracks(unit));
        }
    }

    @Test
    void aServerErrorPartWayThroughAReorderReportsItAndTheNextCommitWritesTheRest() {
        try (TestUnit unit = unit("jynamo.parallelism", "1")) {
            fill(unit, 20);
            unit.calls().fault(Faults.failNth("batchWriteItem", 2, Faults::serverError));
            EntityManager em = unit.emf().createEntityManager();
            em.getTransaction().begin();
            rotate(em);
            IncompleteFlushException e = assertThrows(IncompleteFlushException.class, () -> em.getTransaction().commit());
            assertEquals(40, e.writtenKeys().size() + e.unwrittenKeys().size(), "20 link items and 20 tracks moved");
            assertEquals(25, e.writtenKeys().size(), "the first batch landed");
            unit.calls().fault(null);
            em.getTransaction().commit();
            em.close();
            assertEquals(rotated("s", 20), songs(unit));
            assertEquals(rotated("t", 20), tracks(unit));
        }
    }

    @Test
    void aThrottledReorderIsRetriedAndEveryMoveLands() {
        try (TestUnit unit = unit()) {
            fill(unit, 30);
            unit.calls().fault(Faults.throttleFirst(2));
            unit.inTransaction(OrderedRelationshipFaultsTest::rotate);
            unit.calls().fault(null);
            assertEquals(rotated("s", 30), songs(unit));
            assertEquals(rotated("t", 30), tracks(unit));
        }
    }

    @Test
    void aReorderWhoseResponsesAreLostAfterLandingIsWrittenOnceAndReportedDone() {
        try (TestUnit unit = unit()) {
            fill(unit, 30);
            unit.calls().fault(Faults.lostResponse("batchWriteItem"));
            unit.inTransaction(OrderedRelationshipFaultsTest::rotate);
            unit.calls().fault(null);
            assertEquals(rotated("s", 30), songs(unit));
            assertEquals(rotated("t", 30), tracks(unit));
            assertEquals(30, unit.calls().client().scan(b -> b.tableName(unit.prefix() + "Playlist_Song")).count(),
                    "no link item doubled or left behind");
        }
    }

    @Test
    void inPatchModeThrottledAndLostPositionUpdatesAllLand() {
        try (TestUnit unit = unit("jynamo.update-mode", "patch")) {
            fill(unit, 5);
            unit.calls().fault(Faults.failNth("updateItem", 1, () -> software.amazon.awssdk.services.dynamodb.model
                    .ProvisionedThroughputExceededException.builder().message("injected throttling").build()));
            unit.inTransaction(OrderedRelationshipFaultsTest::rotate);
            assertEquals(rotated("t", 5), tracks(unit));
            unit.calls().fault(Faults.lostResponse("updateItem"));
            unit.inTransaction(OrderedRelationshipFaultsTest::rotate);
            unit.calls().fault(null);
            List<String> twice = rotated("t", 5);
            twice.add(0, twice.remove(twice.size() - 1));
            assertEquals(twice, tracks(unit));
        }
    }

    @Test
    void keyedLinkItemsHandedBackUnprocessedAllLand() {
        try (TestUnit unit = TestUnit.of(MapKeyColumnTest.Project.class, MapKeyColumnTest.Person.class).build()) {
            unit.calls().fault(Faults.halfUnprocessed());
            unit.inTransaction(em -> {
                MapKeyColumnTest.Project p = new MapKeyColumnTest.Project();
                p.id = "p";
                for (int i = 0; i < 30; i++) {
                    MapKeyColumnTest.Person person = new MapKeyColumnTest.Person();
                    person.id = "x" + i;
                    em.persist(person);
                    p.staff.put("role" + i, person);
                }
                em.persist(p);
            });
            unit.calls().fault(null);
            Map<String, String> staff = unit.fromTransaction(em -> em.find(MapKeyColumnTest.Project.class, "p").staff
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, x -> x.getValue().id)));
            assertEquals(30, staff.size());
            assertEquals("x7", staff.get("role7"));
        }
    }
}
