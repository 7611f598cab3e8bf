package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jynamo.spring.sample.Customer;
import io.jynamo.spring.sample.CustomerRepository;
import io.jynamo.spring.sample.CustomerService;
import io.jynamo.spring.sample.SampleApplication;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code @Transactional} with {@code jynamo.write-mode=atomic}: a commit is one TransactWriteItems. */
@SpringBootTest(classes = SampleApplication.class,
        properties = {"jynamo.write-mode=atomic", "jynamo.table-prefix=spring-atomic-"})
class AtomicTransactionTest {

    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerService service;
    @Autowired
    EntityManagerFactory emf;

    @BeforeEach
    void emptyTables() {
        emf.getSchemaManager().truncate();
        emf.getCache().evictAll();
    }

    private static List<Customer> three() {
        return List.of(new Customer("c1", "Ada", "ada@x", "London", 36),
                new Customer("c2", "Bob", "bob@x", "London", 20),
                new Customer("c3", "Cy", "cy@x", "Paris", 50));
    }

    @Test
    void theUnitIsInAtomicMode() {
        assertThat(emf.getProperties()).containsEntry("jynamo.write-mode", "atomic")
                .containsEntry("jynamo.table-prefix", "spring-atomic-");
    }

    @Test
    void aCommitWritesEverything() {
        service.registerAll(three());
        assertThat(customers.count()).isEqualTo(3);
    }

    @Test
    void aRollbackAfterAFlushUndoesEverythingSinceAtomicFlushesWriteNothing() {
        assertThatThrownBy(() -> service.registerFlushFirstThenFail(three())).isInstanceOf(IllegalStateException.class);
        assertThat(customers.count()).isZero();
    }
}
