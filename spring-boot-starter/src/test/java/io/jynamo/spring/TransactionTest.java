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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code @Transactional} commit and rollback with the default write mode (batch), {@code @Modifying} queries, and
 * Jynamo's failures as Spring's exceptions.
 */
@SpringBootTest(classes = SampleApplication.class)
class TransactionTest {

    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerService service;
    @Autowired
    EntityManagerFactory emf;
    @Autowired
    PlatformTransactionManager transactionManager;

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
    void theTransactionManagerIsSpringsJpaTransactionManagerOnJynamosFactory() {
        assertThat(transactionManager).isInstanceOf(JpaTransactionManager.class);
        assertThat(((JpaTransactionManager) transactionManager).getJpaDialect()).isInstanceOf(JynamoJpaDialect.class);
    }

    @Test
    void aTransactionalMethodCommitsEverythingItSaved() {
        service.registerAll(three());
        assertThat(customers.count()).isEqualTo(3);
    }

    @Test
    void aRollbackBeforeAnyFlushWritesNothing() {
        assertThatThrownBy(() -> service.registerAllThenFail(three())).isInstanceOf(IllegalStateException.class);
        assertThat(customers.count()).isZero();
    }

    @Test
    void aRollbackInBatchModeCannotUndoWhatAFlushAlreadyWrote() {
        assertThatThrownBy(() -> service.registerFlushFirstThenFail(three())).isInstanceOf(IllegalStateException.class);
        // DynamoDB has no rollback: the flushed c1 stays, the unflushed c2 and c3 are dropped
        assertThat(customers.findAll()).extracting(Customer::getId).containsExactly("c1");
    }

    @Test
    void aChangeToAManagedEntityIsWrittenAtCommitWithoutSave() {
        customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
        service.rename("c1", "Ada L.");
        emf.getCache().evictAll();
        assertThat(customers.findById("c1")).get().extracting(Customer::getName).isEqualTo("Ada L.");
    }

    @Test
    void modifyingQueriesRunInATransaction() {
        customers.saveAll(three());
        assertThat(service.deactivateCity("London")).isEqualTo(2);
        emf.getCache().evictAll();
        assertThat(customers.findByCityAndActiveTrue("London")).isEmpty();
        assertThat(customers.findByCityAndActiveTrue("Paris")).hasSize(1);
        assertThat(service.removeCity("London")).isEqualTo(2);
        assertThat(customers.findAll()).extracting(Customer::getId).containsExactly("c3");
        assertThat(service.removeCityOneByOne("Paris")).isEqualTo(1);
        assertThat(customers.count()).isZero();
    }

    @Test
    void readOnlyIsAHintJynamoDoesNotEnforceAndIsolationLevelsAreRefused() {
        customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> customers.findById("c1").orElseThrow().setName("changed"));
        emf.getCache().evictAll();
        assertThat(customers.findById("c1")).get().extracting(Customer::getName).isEqualTo("changed");
        TransactionTemplate serializable = new TransactionTemplate(transactionManager);
        serializable.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_SERIALIZABLE);
        assertThatThrownBy(() -> serializable.executeWithoutResult(status -> customers.count()))
                .isInstanceOf(org.springframework.transaction.InvalidIsolationLevelException.class);
    }

    @Test
    void aModifyingQueryOutsideATransactionIsRefusedAsJpaSays() {
        assertThatThrownBy(() -> customers.setActiveIn("London", false))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("executeUpdate() needs an active transaction");
    }

    @Test
    void aConcurrentChangeOfAVersionedEntityIsAnOptimisticLockingFailure() {
        customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            customers.findById("c1").orElseThrow().setName("first");
            // another writer changes the item between this transaction's read and its commit
            new TransactionTemplate(transactionManager, new org.springframework.transaction.support
                    .DefaultTransactionDefinition(org.springframework.transaction.TransactionDefinition
                    .PROPAGATION_REQUIRES_NEW)).executeWithoutResult(inner -> {
                        var em = emf.createEntityManager();
                        try {
                            em.getTransaction().begin();
                            em.find(Customer.class, "c1", java.util.Map.of(
                                    "jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS))
                                    .setName("second");
                            em.getTransaction().commit();
                        } finally {
                            em.close();
                        }
                    });
        })).isInstanceOf(OptimisticLockingFailureException.class);
        emf.getCache().evictAll();
        assertThat(customers.findById("c1")).get().extracting(Customer::getName).isEqualTo("second");
    }

    @Test
    void persistingAnExistingKeyIsADataIntegrityViolation() {
        customers.save(new Customer("c1", "Ada", "ada@x", "London", 36));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        // a new versioned instance (version null) is persisted, not merged: its key exists already
        assertThatThrownBy(() -> tx.executeWithoutResult(status ->
                customers.save(new Customer("c1", "Other", "o@x", "Rome", 1))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(customers.findById("c1")).get().extracting(Customer::getName).isEqualTo("Ada");
    }
}
