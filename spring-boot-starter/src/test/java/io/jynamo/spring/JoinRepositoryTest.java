package io.jynamo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jynamo.JynamoEntityManagerFactory;
import io.jynamo.JynamoStatistics;
import io.jynamo.spring.joins.Account;
import io.jynamo.spring.joins.Invoice;
import io.jynamo.spring.joins.InvoiceRepository;
import io.jynamo.spring.joins.JoinsApplication;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.criteria.JoinType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Repository methods over a relationship: derived finders on the account's key and on another attribute of it, an
 * {@code @EntityGraph} that fetches the account, and specifications that join and fetch it (Spring Data runs those
 * through the Criteria API, with {@code root.join}, {@code root.fetch} and, for a sort on {@code account.id}, a LEFT
 * join). Scans are denied: each of these is a Query on the foreign-key index.
 */
@SpringBootTest(classes = JoinsApplication.class,
        properties = {"jynamo.scan=deny", "jynamo.table-prefix=spring-joins-"})
class JoinRepositoryTest {

    @Autowired
    InvoiceRepository invoices;
    @Autowired
    EntityManagerFactory emf;

    @BeforeEach
    void twoAccountsWithThreeAndTwoInvoices() {
        emf.getSchemaManager().truncate();
        emf.getCache().evictAll();
        var em = emf.createEntityManager();
        em.getTransaction().begin();
        Account a1 = new Account("a1", "ada@x");
        Account a2 = new Account("a2", "bob@x");
        em.persist(a1);
        em.persist(a2);
        for (int i = 1; i <= 3; i++) {
            em.persist(new Invoice("a1-" + i, i * 10, a1));
        }
        em.persist(new Invoice("a2-1", 5, a2));
        em.persist(new Invoice("a2-2", 7, a2));
        em.getTransaction().commit();
        em.close();
        emf.getCache().evictAll();
    }

    private static List<String> ids(Iterable<Invoice> list) {
        List<String> ids = new ArrayList<>();
        list.forEach(i -> ids.add(i.getId()));
        return ids.stream().sorted().toList();
    }

    /** The calls the work made, by operation. */
    private JynamoStatistics calls(Runnable work) {
        JynamoStatistics before = emf.unwrap(JynamoEntityManagerFactory.class).statistics();
        work.run();
        return emf.unwrap(JynamoEntityManagerFactory.class).statistics().minus(before);
    }

    private <T> T counted(Supplier<T> work, long queries, long scans) {
        List<T> out = new ArrayList<>();
        JynamoStatistics s = calls(() -> out.add(work.get()));
        assertThat(s.calls("Query")).as(s.toString()).isEqualTo(queries);
        assertThat(s.calls("Scan")).as(s.toString()).isEqualTo(scans);
        return out.get(0);
    }

    @Test
    void aDerivedFinderOnTheAccountsKeyIsOneQueryOnTheForeignKeyIndex() {
        assertThat(ids(counted(() -> invoices.findByAccountId("a1"), 1, 0))).containsExactly("a1-1", "a1-2", "a1-3");
    }

    @Test
    void anEntityGraphOnAFinderFetchesTheAccountsInOneBatch() {
        PersistenceUnitUtil util = emf.getPersistenceUnitUtil();
        JynamoStatistics s = calls(() -> {
            List<Invoice> found = invoices.findWithAccountByAccountId("a2");
            assertThat(ids(found)).containsExactly("a2-1", "a2-2");
            found.forEach(i -> assertThat(util.isLoaded(i.getAccount())).isTrue());
        });
        assertThat(s.calls("Query")).as(s.toString()).isEqualTo(1);
        assertThat(s.calls("GetItem") + s.calls("BatchGetItem")).as(s.toString()).isEqualTo(1);
    }

    @Test
    void aSpecificationJoiningTheAccountOnItsKeyIsOneQuery() {
        Specification<Invoice> ofA1 = (root, query, cb) -> cb.equal(root.join("account").get("id"), "a1");
        assertThat(ids(counted(() -> invoices.findAll(ofA1), 1, 0))).containsExactly("a1-1", "a1-2", "a1-3");
        assertThat(counted(() -> invoices.count(ofA1), 1, 0)).isEqualTo(3);
    }

    @Test
    void aSpecificationFetchingTheAccountLoadsItWithTheResults() {
        PersistenceUnitUtil util = emf.getPersistenceUnitUtil();
        Specification<Invoice> fetched = (root, query, cb) -> {
            root.fetch("account", JoinType.LEFT);
            return cb.equal(root.get("account").get("id"), "a2");
        };
        JynamoStatistics s = calls(() -> {
            List<Invoice> found = invoices.findAll(fetched);
            assertThat(ids(found)).containsExactly("a2-1", "a2-2");
            found.forEach(i -> assertThat(util.isLoaded(i.getAccount())).isTrue());
        });
        assertThat(s.calls("Query")).as(s.toString()).isEqualTo(1);
        assertThat(s.calls("GetItem") + s.calls("BatchGetItem")).as(s.toString()).isEqualTo(1);
    }

    @Test
    void sortingASpecificationByTheAccountsKeySortsOnTheForeignKey() {
        Specification<Invoice> ofA1 = (root, query, cb) -> cb.equal(root.get("account").get("id"), "a1");
        List<Invoice> found = counted(() -> invoices.findAll(ofA1, Sort.by("account.id").and(Sort.by(Sort.Direction.DESC, "amount"))), 1, 0);
        assertThat(found).extracting(Invoice::getId).containsExactly("a1-3", "a1-2", "a1-1");
    }

    @Test
    void sortingByAnotherAttributeOfTheAccountGoesThroughACriteriaLeftJoin() {
        // QueryUtils.toExpressionRecursively: LEFT JOIN e0.account e1 ... ORDER BY e1.email, refused today as the
        // JPQL is (only the account's key is stored on an invoice); a two-step read would sort the joined values.
        Specification<Invoice> ofA1 = (root, query, cb) -> cb.equal(root.get("account").get("id"), "a1");
        Object outcome;
        try {
            outcome = invoices.findAll(ofA1, Sort.by("account.email")).stream().map(Invoice::getId).toList();
        } catch (RuntimeException e) {
            outcome = e.getMessage();
        }
        assertThat(outcome.toString()).satisfiesAnyOf(
                o -> assertThat(o).isEqualTo("[a1-1, a1-2, a1-3]"),
                o -> assertThat(o).contains("LEFT JOIN e0.account e1").contains("e1.email"));
    }

    @Test
    void aDerivedFinderOnAnotherAttributeOfTheAccountRunsAsItsJpqlDoes() {
        // Spring Data writes a join and a condition on account.email: refused today with the hint to read the
        // accounts first; the relationships work may run it in two steps. Either way it is what the JPQL does.
        Object outcome;
        try {
            outcome = ids(invoices.findByAccountEmail("bob@x"));
        } catch (RuntimeException e) {
            outcome = e.getMessage();
        }
        assertThat(outcome.toString()).satisfiesAnyOf(
                o -> assertThat(o).isEqualTo("[a2-1, a2-2]"),
                o -> assertThat(o).contains("email").contains("Account"));
    }
}
