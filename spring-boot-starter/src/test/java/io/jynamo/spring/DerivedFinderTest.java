package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jynamo.spring.sample.Customer;
import io.jynamo.spring.sample.CustomerRepository;
import io.jynamo.spring.sample.Reading;
import io.jynamo.spring.sample.ReadingRepository;
import io.jynamo.spring.sample.SampleApplication;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * Derived finders and {@code @Query} methods on the partition key, the sort key, a global index and other
 * attributes, with paging and sorting on the sort key. Scans are denied: a finder that is not a GetItem,
 * BatchGetItem or Query fails unless it carries the hint {@code jynamo.scan=allow}.
 */
@SpringBootTest(classes = SampleApplication.class,
        properties = {"jynamo.scan=deny", "jynamo.table-prefix=spring-noscan-"})
class DerivedFinderTest {

    @Autowired
    CustomerRepository customers;
    @Autowired
    ReadingRepository readings;
    @Autowired
    EntityManagerFactory emf;

    @BeforeEach
    void sixReadingsAndFourCustomers() {
        emf.getSchemaManager().truncate();
        emf.getCache().evictAll();
        List<Reading> list = new ArrayList<>();
        for (int seq = 1; seq <= 6; seq++) {
            list.add(new Reading("s1", seq, seq * 1.5, seq % 2 == 0 ? "ok" : "bad"));
        }
        list.add(new Reading("s2", 1, 9.0, "ok"));
        readings.saveAll(list);
        customers.saveAll(List.of(
                new Customer("c1", "Ada", "ada@x", "London", 36),
                new Customer("c2", "Bob", "bob@x", "London", 20),
                new Customer("c3", "Cy", "cy@x", "Paris", 50),
                new Customer("c4", "Dan", null, "Paris", 10)));
    }

    private static List<Long> seqs(Iterable<Reading> list) {
        List<Long> seqs = new ArrayList<>();
        list.forEach(r -> seqs.add(r.getSeq()));
        return seqs;
    }

    private static List<String> ids(Iterable<Customer> list) {
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.getId()));
        return ids;
    }

    @Test
    void partitionKeyFindersReturnThePartitionInSortKeyOrder() {
        assertThat(seqs(readings.findBySensor("s1"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seqs(readings.findBySensorOrderBySeqDesc("s1"))).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(seqs(readings.findBySensor("s1", Sort.by(Sort.Direction.DESC, "seq"))))
                .containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(readings.countBySensor("s1")).isEqualTo(6);
        assertThat(readings.findBySensorAndSeq("s1", 3).getValue()).isEqualTo(4.5);
    }

    @Test
    void sortKeyConditions() {
        assertThat(seqs(readings.findBySensorAndSeqBetween("s1", 2, 4))).containsExactly(2L, 3L, 4L);
        assertThat(seqs(readings.findBySensorAndSeqGreaterThan("s1", 4))).containsExactly(5L, 6L);
        assertThat(seqs(readings.findBySensorAndSeqLessThanEqualOrderBySeqDesc("s1", 3))).containsExactly(3L, 2L, 1L);
        assertThat(seqs(readings.findTop3BySensorOrderBySeqDesc("s1"))).containsExactly(6L, 5L, 4L);
        assertThat(seqs(readings.findBySensorAndStatus("s1", "ok"))).containsExactly(2L, 4L, 6L);
    }

    @Test
    void pagesAndSlicesOfAPartitionSortedBySortKey() {
        Page<Reading> second = readings.findBySensor("s1", PageRequest.of(1, 4, Sort.by("seq")));
        assertThat(seqs(second.getContent())).containsExactly(5L, 6L);
        assertThat(second.getTotalElements()).isEqualTo(6);
        assertThat(second.getTotalPages()).isEqualTo(2);
        Page<Reading> descending = readings.findBySensor("s1", PageRequest.of(0, 4, Sort.by(Sort.Direction.DESC, "seq")));
        assertThat(seqs(descending.getContent())).containsExactly(6L, 5L, 4L, 3L);
        Slice<Reading> slice = readings.findSliceBySensor("s1", PageRequest.of(1, 4, Sort.by("seq")));
        assertThat(seqs(slice.getContent())).containsExactly(5L, 6L);
        assertThat(slice.hasNext()).isFalse();
        assertThat(readings.findSliceBySensor("s1", PageRequest.of(0, 4)).hasNext()).isTrue();
    }

    @Test
    void indexFinders() {
        assertThat(customers.findByEmail("bob@x")).get().extracting(Customer::getId).isEqualTo("c2");
        assertThat(customers.findByEmail("nobody@x")).isEmpty();
        assertThat(customers.existsByEmail("cy@x")).isTrue();
        assertThat(ids(customers.findByCity("London"))).containsExactlyInAnyOrder("c1", "c2");
        assertThat(customers.countByCity("Paris")).isEqualTo(2);
        assertThat(ids(customers.findByCityAndAgeGreaterThanEqual("London", 30))).containsExactly("c1");
        assertThat(ids(customers.findByCityAndAgeBetween("Paris", 5, 20))).containsExactly("c4");
        assertThat(ids(customers.findByCityAndActiveTrue("London"))).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void indexSortKeyOrderingAndPagingWithAConditionOnIt() {
        // the index byCity has sort key age: a condition on age lets its Query order by age
        assertThat(ids(customers.findByCityAndAgeGreaterThanEqual("Paris", 0)))
                .containsExactly("c4", "c3");
        Page<Customer> page = customers.findByCityAndAgeGreaterThanEqual("Paris", 0,
                PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "age")));
        assertThat(ids(page.getContent())).containsExactly("c3");
        assertThat(page.getTotalElements()).isEqualTo(2);
    }

    @Test
    void scanFindersOnOtherAttributes() {
        assertThat(ids(customers.findByName("Ada"))).containsExactly("c1");
        assertThat(ids(customers.findByAgeLessThan(30))).containsExactlyInAnyOrder("c2", "c4");
        assertThat(ids(customers.findByAgeIn(List.of(20, 50)))).containsExactlyInAnyOrder("c2", "c3");
        assertThat(ids(customers.findByIdIn(List.of("c1", "c3", "nobody")))).containsExactlyInAnyOrder("c1", "c3");
        assertThat(ids(customers.findByEmailIsNull())).containsExactly("c4");
        assertThat(ids(customers.findByNameNot("Ada"))).containsExactlyInAnyOrder("c2", "c3", "c4");
        assertThat(ids(customers.findByNameOrEmail("Ada", "bob@x"))).containsExactlyInAnyOrder("c1", "c2");
    }

    @Test
    void stringFindersBecomeBeginsWithAndContainsEvenWithCharactersSpringEscapes() {
        // Spring writes "c.name LIKE :p ESCAPE '\\'" and escapes %, _ and \ in the argument
        assertThat(ids(customers.findByNameStartingWith("B"))).containsExactly("c2");
        assertThat(ids(customers.findByNameContaining("a"))).containsExactlyInAnyOrder("c1", "c4");
        assertThat(ids(customers.findByNameNotContaining("a"))).containsExactlyInAnyOrder("c2", "c3");
        customers.save(new Customer("c5", "50%_off", null, "Rome", 1));
        assertThat(ids(customers.findByNameStartingWith("50%_"))).containsExactly("c5");
        assertThat(ids(customers.findByNameContaining("%"))).containsExactly("c5");
    }

    @Test
    void distinctFindersReturnEachEntityOnce() {
        assertThat(ids(customers.findDistinctByName("Bob"))).containsExactly("c2");
    }

    @Test
    void aFinderThatNeedsAScanFailsWhereScansAreDenied() {
        assertThatThrownBy(() -> readings.findByStatus("ok"))
                .isInstanceOf(JpaSystemException.class)
                .hasMessageContaining("would Scan the whole table spring-noscan-reading and jynamo.scan=deny forbids that");
    }

    @Test
    void queryMethodsWithNamedParameters() {
        assertThat(ids(customers.adultsIn("London", 30))).containsExactly("c1");
        assertThat(customers.byEmail("cy@x")).get().extracting(Customer::getId).isEqualTo("c3");
        assertThat(seqs(readings.latestAfter("s1", 3))).containsExactly(6L, 5L, 4L);
    }

    @Test
    void orderingByAnAttributeThatIsNoSortKeyIsSortedInMemory() {
        // DynamoDB orders a Query by its sort key only (value is none): Jynamo reads the matching items and sorts
        // them in Java (jynamo.client-side, warn by default)
        assertThat(seqs(readings.findBySensorOrderByValueAsc("s1"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(ids(customers.findByCityOrderByNameAsc("London"))).containsExactly("c1", "c2");
    }
}
