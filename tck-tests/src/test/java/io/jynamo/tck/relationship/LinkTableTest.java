package io.jynamo.tck.relationship;

import io.jynamo.tck.relationship.model.Course;
import io.jynamo.tck.relationship.model.Player;
import io.jynamo.tck.relationship.model.Student;
import io.jynamo.tck.relationship.model.Team;
import io.jynamo.tck.support.TestUnit;
import jakarta.persistence.metamodel.Attribute.PersistentAttributeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Link tables: @ManyToMany (both sides), unidirectional @OneToMany, @JoinTable; loads and diffs with exact calls. */
class LinkTableTest {

    private TestUnit unit;

    @BeforeEach
    void start() {
        unit = TestUnit.of(Student.class, Course.class, Team.class, Player.class).build();
    }

    @AfterEach
    void stop() {
        unit.close();
    }

    private Set<String> links(String table, String owner, String target) {
        return unit.calls().client().scan(s -> s.tableName(unit.prefix() + table)).items().stream()
                .map(i -> i.get(owner).s() + "->" + i.get(target).s()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private List<WriteRequest> writes() {
        List<WriteRequest> all = new ArrayList<>();
        for (BatchWriteItemRequest b : unit.calls().<BatchWriteItemRequest>requests("batchWriteItem")) {
            b.requestItems().values().forEach(all::addAll);
        }
        return all;
    }

    private void enrol() {
        unit.inTransaction(em -> {
            Student s = new Student("s1");
            for (int i = 1; i <= 3; i++) {
                Course c = new Course("c" + i, "Course " + i);
                em.persist(c);
                s.courses.add(c);
            }
            em.persist(s);
        });
    }

    @Test
    void eachPairIsOneLinkItemWrittenInTheSameBatchAsTheEntities() {
        enrol();
        assertEquals(1, unit.calls().count("batchWriteItem"));
        assertEquals(7, writes().size());
        assertEquals(Set.of("s1->c1", "s1->c2", "s1->c3"), links("Student_Course", "students_id", "courses_id"));
        TableDescription table = unit.calls().client().describeTable(d -> d.tableName(unit.prefix() + "Student_Course")).table();
        assertEquals("fk_courses_id", table.globalSecondaryIndexes().get(0).indexName());
        assertEquals("courses_id", table.globalSecondaryIndexes().get(0).keySchema().get(0).attributeName());
    }

    @Test
    void inAtomicModeEntitiesAndLinkItemsAreOneTransaction() {
        unit.close();
        unit = TestUnit.of(Student.class, Course.class, Team.class, Player.class)
                .property(io.jynamo.JynamoProperties.WRITE_MODE, "atomic").build();
        enrol();
        assertEquals(0, unit.calls().count("batchWriteItem"));
        assertEquals(1, unit.calls().count("transactWriteItems"));
        assertEquals(7, unit.calls().<software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest>requests(
                "transactWriteItems").get(0).transactItems().size());
        assertEquals(Set.of("s1->c1", "s1->c2", "s1->c3"), links("Student_Course", "students_id", "courses_id"));
    }

    @Test
    void owningSideLoadsWithOneQueryAndOneBatchGet() {
        enrol();
        unit.calls().reset();
        unit.inTransaction(em -> {
            Student s = em.find(Student.class, "s1");
            assertEquals(Set.of("c1", "c2", "c3"), s.courses.stream().map(c -> c.id).collect(Collectors.toSet()));
        });
        assertEquals(1, unit.calls().count("getItem"));
        assertEquals(1, unit.calls().count("query"));
        assertEquals(1, unit.calls().count("batchGetItem"));
    }

    @Test
    void inverseSideLoadsThroughTheInvertedIndex() {
        enrol();
        unit.calls().reset();
        unit.inTransaction(em -> assertEquals(Set.of("s1"),
                em.find(Course.class, "c2").students.stream().map(s -> s.id).collect(Collectors.toSet())));
        assertEquals("fk_courses_id", unit.calls().<QueryRequest>requests("query").get(0).indexName());
        assertEquals(1, unit.calls().count("query"));
    }

    @Test
    void flushWritesOnlyTheLinksThatChanged() {
        enrol();
        unit.inTransaction(em -> em.persist(new Course("c4", "Course 4")));
        unit.calls().reset();
        unit.inTransaction(em -> {
            Student s = em.find(Student.class, "s1");
            s.courses.removeIf(c -> c.id.equals("c2"));
            s.courses.add(em.getReference(Course.class, "c4"));
        });
        List<WriteRequest> writes = writes();
        assertEquals(2, writes.size(), writes.toString());
        assertEquals(1, writes.stream().filter(w -> w.putRequest() != null).count());
        assertEquals(1, writes.stream().filter(w -> w.deleteRequest() != null).count());
        assertEquals(Set.of("s1->c1", "s1->c3", "s1->c4"), links("Student_Course", "students_id", "courses_id"));
    }

    @Test
    void aReplacedCollectionIsDiffedWithTheStoredLinks() {
        enrol();
        unit.calls().reset();
        unit.inTransaction(em -> {
            Student s = em.find(Student.class, "s1");
            s.courses = new LinkedHashSet<>(List.of(em.getReference(Course.class, "c3")));
        });
        assertEquals(1, unit.calls().count("query"));
        assertEquals(2, writes().size());
        assertEquals(Set.of("s1->c3"), links("Student_Course", "students_id", "courses_id"));
    }

    @Test
    void changingOnlyTheInverseSideStoresNothing() {
        enrol();
        unit.inTransaction(em -> em.persist(new Student("s2")));
        unit.calls().reset();
        unit.inTransaction(em -> em.find(Course.class, "c1").students.add(em.find(Student.class, "s2")));
        assertEquals(0, unit.calls().count("batchWriteItem"));
    }

    @Test
    void removingTheOwnerDeletesItsLinks() {
        enrol();
        unit.inTransaction(em -> em.remove(em.find(Student.class, "s1")));
        assertEquals(Set.of(), links("Student_Course", "students_id", "courses_id"));
    }

    @Test
    void unidirectionalOneToManyUsesTheNamedJoinTableAndCascades() {
        unit.inTransaction(em -> {
            Team t = new Team("t1");
            t.players.add(new Player("p9", 9));
            t.players.add(new Player("p4", 4));
            em.persist(t);
        });
        assertEquals(Set.of("t1->p4", "t1->p9"), links("team_members", "team", "player"));
        List<Integer> numbers = unit.fromTransaction(em -> em.find(Team.class, "t1").players.stream().map(p -> p.number).toList());
        assertEquals(List.of(4, 9), numbers);
        Map<String, AttributeValue> player = unit.calls().client().getItem(g -> g.tableName(unit.prefix() + "Player")
                .key(Map.of("id", AttributeValue.fromS("p9")))).item();
        assertTrue(player.keySet().stream().noneMatch(k -> k.contains("team")), "the target's item knows nothing: " + player);
    }

    @Test
    void metamodelShowsManyToManyAndUnidirectionalOneToMany() {
        assertEquals(PersistentAttributeType.MANY_TO_MANY,
                unit.emf().getMetamodel().entity(Student.class).getAttribute("courses").getPersistentAttributeType());
        assertEquals(PersistentAttributeType.MANY_TO_MANY,
                unit.emf().getMetamodel().entity(Course.class).getAttribute("students").getPersistentAttributeType());
        assertEquals(PersistentAttributeType.ONE_TO_MANY,
                unit.emf().getMetamodel().entity(Team.class).getAttribute("players").getPersistentAttributeType());
    }
}
