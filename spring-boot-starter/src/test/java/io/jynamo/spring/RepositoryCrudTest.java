package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.spring.sample.Customer;
import io.jynamo.spring.sample.CustomerRepository;
import io.jynamo.spring.sample.Reading;
import io.jynamo.spring.sample.ReadingRepository;
import io.jynamo.spring.sample.SampleApplication;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Every method of JpaRepository, CrudRepository and PagingAndSortingRepository, on the embedded engine. */
@SpringBootTest(classes = SampleApplication.class)
class RepositoryCrudTest {

    @Autowired
    CustomerRepository customers;
    @Autowired
    ReadingRepository readings;
    @Autowired
    EntityManagerFactory emf;

    @BeforeEach
    void emptyTables() {
        emf.getSchemaManager().truncate();
        emf.getCache().evictAll();
    }

    private List<Customer> fourCustomers() {
        return customers.saveAll(List.of(
                new Customer("c1", "Ada", "ada@x", "London", 36),
                new Customer("c2", "Bob", "bob@x", "London", 20),
                new Customer("c3", "Cy", "cy@x", "Paris", 50),
                new Customer("c4", "Dan", "dan@x", "Paris", 10)));
    }

    private static List<String> ids(Iterable<Customer> list) {
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(c -> ids.add(c.getId()));
        return ids;
    }

    @Test
    void saveStoresANewEntityAndSaveAgainUpdatesIt() {
        Customer saved = customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
        assertThat(saved.getVersion()).isEqualTo(0L);
        saved.setName("Ada L.");
        Customer again = customers.save(saved);
        assertThat(again.getVersion()).isEqualTo(1L);
        emf.getCache().evictAll();
        assertThat(customers.findById("c1")).get().extracting(Customer::getName).isEqualTo("Ada L.");
    }

    @Test
    void saveMergesAnUnversionedEntityThatExists() {
        readings.save(new Reading("s1", 1, 1.0, "ok"));
        readings.save(new Reading("s1", 1, 2.0, "bad"));
        assertThat(readings.findById(new Reading.Key("s1", 1))).get().extracting(Reading::getStatus).isEqualTo("bad");
        assertThat(readings.count()).isEqualTo(1);
    }

    @Test
    void saveAllFindByIdExistsByIdAndCount() {
        assertThat(fourCustomers()).hasSize(4);
        assertThat(customers.findById("c3")).get().extracting(Customer::getName).isEqualTo("Cy");
        assertThat(customers.findById("nobody")).isEmpty();
        assertThat(customers.existsById("c1")).isTrue();
        assertThat(customers.existsById("nobody")).isFalse();
        assertThat(customers.count()).isEqualTo(4);
    }

    @Test
    void findAllAndFindAllById() {
        fourCustomers();
        assertThat(ids(customers.findAll())).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
        assertThat(ids(customers.findAllById(List.of("c1", "c3", "nobody")))).containsExactlyInAnyOrder("c1", "c3");
    }

    @Test
    void compositeKeysFindByIdExistsByIdAndFindAllById() {
        readings.saveAll(List.of(new Reading("s1", 1, 1.0, "ok"), new Reading("s1", 2, 2.0, "ok"),
                new Reading("s2", 1, 3.0, "bad")));
        assertThat(readings.findById(new Reading.Key("s1", 2))).get().extracting(Reading::getValue).isEqualTo(2.0);
        assertThat(readings.existsById(new Reading.Key("s2", 1))).isTrue();
        assertThat(readings.existsById(new Reading.Key("s2", 2))).isFalse();
        assertThat(readings.findAllById(List.of(new Reading.Key("s1", 1), new Reading.Key("s2", 1))))
                .extracting(Reading::getValue).containsExactlyInAnyOrder(1.0, 3.0);
        assertThat(readings.count()).isEqualTo(3);
    }

    @Test
    void findAllPageableWithoutSortReadsPagesOfTheScan() {
        fourCustomers();
        Page<Customer> first = customers.findAll(PageRequest.of(0, 3));
        Page<Customer> second = customers.findAll(PageRequest.of(1, 3));
        assertThat(first.getContent()).hasSize(3);
        assertThat(second.getContent()).hasSize(1);
        assertThat(first.getTotalElements()).isEqualTo(4);
        List<String> all = ids(first.getContent());
        all.addAll(ids(second.getContent()));
        assertThat(all).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
    }

    @Test
    void findAllSortedByAnAttributeDynamoDbCannotOrderAScanByIsSortedInMemory() {
        fourCustomers();
        // a Scan returns items in no order: Jynamo reads them all, sorts in Java, then pages (jynamo.client-side)
        assertThat(ids(customers.findAll(Sort.by(Sort.Direction.DESC, "name")))).containsExactly("c4", "c3", "c2", "c1");
        Page<Customer> page = customers.findAll(PageRequest.of(1, 2, Sort.by("city", "age")));
        assertThat(ids(page.getContent())).containsExactly("c4", "c3");
        assertThat(page.getTotalElements()).isEqualTo(4);
    }

    @Test
    void findAllByExample() {
        fourCustomers();
        ExampleMatcher nameOnly = ExampleMatcher.matching().withIgnorePaths("age", "active");
        assertThat(ids(customers.findAll(Example.of(new Customer(null, "Ada", null, null, 0), nameOnly))))
                .containsExactly("c1");
        Example<Customer> london = Example.of(new Customer(null, null, null, "London", 0),
                ExampleMatcher.matching().withIgnorePaths("age", "active"));
        assertThat(customers.count(london)).isEqualTo(2);
        assertThat(customers.findOne(Example.of(new Customer(null, "Cy", null, null, 0), nameOnly)))
                .get().extracting(Customer::getId).isEqualTo("c3");
        assertThat(customers.findAll(london, PageRequest.of(0, 1)).getTotalElements()).isEqualTo(2);
        assertThat(customers.findBy(london, q -> q.count()).longValue()).isEqualTo(2L);
    }

    @Test
    void deleteByIdDeleteAndDeleteAllById() {
        fourCustomers();
        customers.deleteById("c1");
        customers.delete(customers.findById("c2").orElseThrow());
        customers.deleteAllById(List.of("c3"));
        assertThat(ids(customers.findAll())).containsExactly("c4");
    }

    @Test
    void deleteAllOfIterableAndDeleteAll() {
        List<Customer> saved = fourCustomers();
        customers.deleteAll(saved.subList(0, 2));
        assertThat(ids(customers.findAll())).containsExactlyInAnyOrder("c3", "c4");
        customers.deleteAll();
        assertThat(customers.count()).isZero();
    }

    @Test
    void deleteAllInBatchAndDeleteAllByIdInBatchOnASingleKey() {
        fourCustomers();
        customers.deleteAllByIdInBatch(List.of("c1", "c2"));
        assertThat(ids(customers.findAll())).containsExactlyInAnyOrder("c3", "c4");
        customers.deleteAllInBatch();
        assertThat(customers.count()).isZero();
    }

    @Test
    void deleteAllInBatchOfEntitiesIsAKeyedBulkDelete() {
        // Spring writes "delete from Customer x where x = ?1 or x = ?2"
        List<Customer> saved = fourCustomers();
        customers.deleteAllInBatch(saved.subList(1, 3));
        assertThat(ids(customers.findAll())).containsExactlyInAnyOrder("c1", "c4");
        List<Reading> two = readings.saveAll(List.of(new Reading("s1", 1, 1.0, "ok"), new Reading("s1", 2, 2.0, "ok")));
        readings.deleteAllInBatch(two.subList(0, 1));
        assertThat(readings.count()).isEqualTo(1);
    }

    @Test
    void existsByExample() {
        fourCustomers();
        ExampleMatcher nameOnly = ExampleMatcher.matching().withIgnorePaths("age", "active");
        assertThat(customers.exists(Example.of(new Customer(null, "Bob", null, null, 0), nameOnly))).isTrue();
        assertThat(customers.exists(Example.of(new Customer(null, "Zed", null, null, 0), nameOnly))).isFalse();
    }

    @Test
    void deleteAllInBatchOfCompositeKeysDeletesEveryItem() {
        readings.saveAll(List.of(new Reading("s1", 1, 1.0, "ok"), new Reading("s1", 2, 2.0, "ok")));
        readings.deleteAllInBatch();
        assertThat(readings.count()).isZero();
    }

    @Test
    void saveAndFlushFlushAndGetReferenceById() {
        Customer flushed = customers.saveAndFlush(new Customer("c1", "Ada", "ada@x", "London", 36));
        assertThat(flushed.getVersion()).isZero();
        customers.save(new Customer("c2", "Bob", "bob@x", "London", 20));
        customers.flush();
        assertThat(customers.getReferenceById("c2").getName()).isEqualTo("Bob");
        assertThat(customers.saveAllAndFlush(List.of(new Customer("c3", "Cy", "cy@x", "Paris", 50)))).hasSize(1);
        assertThat(customers.count()).isEqualTo(3);
    }
}
