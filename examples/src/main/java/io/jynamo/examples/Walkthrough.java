package io.jynamo.examples;

import io.jynamo.JynamoEntityManager;
import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.examples.model.NamedUser;
import io.jynamo.examples.model.Purchase;
import io.jynamo.examples.model.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * PynamoDB's usage guide ({@code shared/reference/pynamodb-usage.txt}) replayed step by step in JPA
 * terms, printing each step, its result and the DynamoDB calls it took.
 *
 * <p>Runs on the embedded local engine by default; {@code -Djynamo.endpoint=http://host:port} (or
 * any other {@code jynamo.*} system property) points it elsewhere.
 */
public final class Walkthrough {

    private final PrintStream out;
    private final Map<String, Object> properties;
    private final CallCounter calls = new CallCounter();
    private final Map<String, Map<String, Integer>> callsByStep = new LinkedHashMap<>();
    private int step;

    /**
     * A walkthrough printing to {@code out}.
     *
     * @param properties overrides of the {@code walkthrough} unit's properties
     */
    public Walkthrough(PrintStream out, Map<String, Object> properties) {
        this.out = out;
        this.properties = new HashMap<>(properties);
        this.properties.put(JynamoProperties.INTERCEPTORS, calls);
    }

    /** Runs the walkthrough on the endpoint that {@code -Djynamo.endpoint} names, else embedded. */
    public static void main(String[] args) {
        // One line per log record, indented under the step it belongs to (unless the user chose a format).
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "   [%4$s] %5$s%n");
        }
        Map<String, Object> overrides = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("jynamo.")) {
                overrides.put(k.toString(), v);
            }
        });
        new Walkthrough(System.out, overrides).run();
    }

    /**
     * Runs every step.
     *
     * @return the DynamoDB calls of each step, by step title
     */
    public Map<String, Map<String, Integer>> run() {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("walkthrough", properties);
        try {
            modelAndItems(emf);
            querying(emf);
            counting(emf);
            batches(emf);
            relationships(emf);
            step("Drop the tables: emf.getSchemaManager().drop(true)", () -> {
                emf.getSchemaManager().drop(true);
                return "dropped";
            });
        } finally {
            emf.close();
        }
        return callsByStep;
    }

    private void modelAndItems(EntityManagerFactory emf) {
        out.println("Creating a model: @Entity @Table(name = \"dynamodb-user\") class User { @Id String email; ... }");
        step("UserModel.create_table(read_capacity_units=1, write_capacity_units=1)"
                + " -> @Capacity(read = 1, write = 1) + emf.getSchemaManager().create(true)", () -> {
            emf.getSchemaManager().drop(true);
            emf.getSchemaManager().create(true);
            return "tables dynamodb-user, dynamodb-user-by-name and dynamodb-purchase (with index fk_customer_email) are ACTIVE";
        });
        User user = new User("test@example.com", "Samuel", "Adams");
        step("user = UserModel('test@example.com', first_name='Samuel', last_name='Adams'); user.save()"
                + " -> em.persist(user) + commit", () -> {
            emf.runInTransaction(em -> em.persist(user));
            return user.toString();
        });
        step("UserModel.count() -> SELECT COUNT(u) FROM User u", () ->
                emf.callInTransaction(em -> em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult()));

        EntityManager em = emf.createEntityManager();
        try {
            User managed = step("Read it back: em.find(User.class, \"test@example.com\")",
                    () -> em.find(User.class, "test@example.com"));
            step("Attributes are read and set normally: user.getEmail(), user.setFirstName(\"Sam\")", () -> {
                managed.setFirstName("Sam");
                return "email=" + managed.getEmail() + ", firstName=" + managed.getFirstName()
                        + " (the key is immutable in JPA: a new e-mail is a new entity)";
            });
            step("Another process updates the user (a second EntityManager changes lastName and commits)", () -> {
                emf.runInTransaction(other -> other.find(User.class, "test@example.com").setLastName("Smith"));
                return "stored lastName is now Smith";
            });
            step("user.refresh() -> em.refresh(user)", () -> {
                em.refresh(managed);
                return "firstName=" + managed.getFirstName() + ", lastName=" + managed.getLastName();
            });
            step("user.delete() -> em.remove(user) + commit", () -> {
                em.getTransaction().begin();
                em.remove(managed);
                em.getTransaction().commit();
                return "deleted; find now returns " + em.find(User.class, "test@example.com");
            });
        } finally {
            em.close();
        }
    }

    private void querying(EntityManagerFactory emf) {
        out.println();
        out.println("Querying: @Entity @IdClass class NamedUser { @Id String lastName; @Id @SortKey String firstName; String email; }");
        step("Save five users", () -> {
            emf.runInTransaction(em -> {
                em.persist(new NamedUser("Smith", "John", "john@example.com"));
                em.persist(new NamedUser("Smith", "Jane", "jane@example.com"));
                em.persist(new NamedUser("Smith", "Bob", "bob@domain.com"));
                em.persist(new NamedUser("Smith", "Alice", "alice@example.com"));
                em.persist(new NamedUser("Jones", "Jack", "jack@domain.com"));
            });
            return "5 users";
        });
        step("UserModel.query('Smith', first_name.startswith('J'))"
                + " -> WHERE u.lastName = 'Smith' AND u.firstName LIKE 'J%'", () -> names(emf,
                "SELECT u FROM NamedUser u WHERE u.lastName = 'Smith' AND u.firstName LIKE 'J%'"));
        step("UserModel.query('Smith', first_name.startswith('J') | email.contains('domain.com'))"
                + " -> WHERE u.lastName = 'Smith' AND (u.firstName LIKE 'J%' OR u.email LIKE '%domain.com%')", () -> names(emf,
                "SELECT u FROM NamedUser u WHERE u.lastName = 'Smith' AND (u.firstName LIKE 'J%' OR u.email LIKE '%domain.com%')"));
        step("How Jynamo runs it: em.unwrap(JynamoEntityManager.class).explain(...)", () -> {
            EntityManager em = emf.createEntityManager();
            try {
                return "\n" + em.unwrap(JynamoEntityManager.class).explain("SELECT u FROM NamedUser u WHERE u.lastName = 'Smith'"
                        + " AND (u.firstName LIKE 'J%' OR u.email LIKE '%domain.com%')").indent(6);
            } finally {
                em.close();
            }
        });
    }

    private void counting(EntityManagerFactory emf) {
        out.println();
        out.println("Counting items");
        step("UserModel.count('Smith', first_name.startswith('J'))"
                + " -> SELECT COUNT(u) ... WHERE u.lastName = 'Smith' AND u.firstName LIKE 'J%'", () -> count(emf,
                "SELECT COUNT(u) FROM NamedUser u WHERE u.lastName = 'Smith' AND u.firstName LIKE 'J%'", Map.of()));
        step("UserModel.custom_index.count('jack@domain.com') -> SELECT COUNT(u) ... WHERE u.email = 'jack@domain.com'"
                + " (Query on the index)", () -> count(emf,
                "SELECT COUNT(u) FROM NamedUser u WHERE u.email = 'jack@domain.com'", Map.of()));
        step("UserModel.count() -> SELECT COUNT(u) FROM NamedUser u (a Scan count)", () -> count(emf,
                "SELECT COUNT(u) FROM NamedUser u", Map.of()));
        step("UserModel.count('Smith', first_name == 'John') -> hash key and filter", () -> count(emf,
                "SELECT COUNT(u) FROM NamedUser u WHERE u.lastName = 'Smith' AND u.firstName = 'John'", Map.of()));
        step("UserModel.count(first_name == 'John') raises ValueError -> a Scan count, allowed by jynamo.scan=allow", () ->
                count(emf, "SELECT COUNT(u) FROM NamedUser u WHERE u.firstName = 'John'", Map.of(JynamoProperties.SCAN, "allow")));
        step("... and refused before any call by jynamo.scan=deny", () -> {
            try {
                return count(emf, "SELECT COUNT(u) FROM NamedUser u WHERE u.firstName = 'John'", Map.of(JynamoProperties.SCAN, "deny"));
            } catch (JynamoException e) {
                return "refused: " + e.getMessage();
            }
        });
    }

    private void batches(EntityManagerFactory emf) {
        out.println();
        out.println("Batch operations");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add("user-" + i + "@example.com");
        }
        step("with UserModel.batch_write() as batch: 100 x batch.save(...) -> 100 em.persist in one transaction", () -> {
            emf.runInTransaction(em -> keys.forEach(k -> em.persist(new User(k, "Samuel", "Adams"))));
            return "100 users saved";
        });
        step("UserModel.batch_get(100 keys) -> SELECT u FROM User u WHERE u.email IN :keys", () ->
                emf.callInTransaction(em -> em.createQuery("SELECT u FROM User u WHERE u.email IN :keys", User.class)
                        .setParameter("keys", keys).getResultList().size() + " users, first " + keys.get(0)));
        step("... or em.unwrap(JynamoEntityManager.class).findAll(User.class, keys)", () ->
                emf.callInTransaction(em -> em.unwrap(JynamoEntityManager.class).findAll(User.class, keys).size() + " users"));
        step("with UserModel.batch_write() as batch: 100 x batch.delete(...) -> 100 em.remove(em.getReference(...))", () -> {
            emf.runInTransaction(em -> keys.forEach(k -> em.remove(em.getReference(User.class, k))));
            return "100 users deleted";
        });
    }

    private void relationships(EntityManagerFactory emf) {
        out.println();
        out.println("Relationships: @ManyToOne User customer on Purchase, @OneToMany(mappedBy = \"customer\") on User");
        List<String> ids = List.of("p1", "p2", "p3", "p4", "p5");
        step("Save three users and five purchases (each stores its user's key as customer_email)", () -> {
            emf.runInTransaction(em -> {
                User buyer = new User("buyer@example.com", "Bea", "Buyer");
                User second = new User("second@example.com", "Sid", "Second");
                User third = new User("third@example.com", "Tia", "Third");
                List.of(buyer, second, third).forEach(em::persist);
                em.persist(new Purchase("p1", 10, buyer));
                em.persist(new Purchase("p2", 20, buyer));
                em.persist(new Purchase("p3", 30, buyer));
                em.persist(new Purchase("p4", 40, second));
                em.persist(new Purchase("p5", 50, third));
            });
            return "3 users, 5 purchases";
        });
        step("A user's purchases: em.find(User.class, ...).getPurchases() -> one Query on index fk_customer_email", () ->
                emf.callInTransaction(em -> em.find(User.class, "buyer@example.com").getPurchases().toString()));
        step("Five purchases by key, then each one's customer (lazy): the three customers come in one BatchGetItem", () ->
                emf.callInTransaction(em -> em.unwrap(JynamoEntityManager.class).findAll(Purchase.class, ids).stream()
                        .map(p -> p.getId() + " by " + p.getCustomer().getFirstName()).toList().toString()));
    }

    private String names(EntityManagerFactory emf, String jpql) {
        return emf.callInTransaction(em -> em.createQuery(jpql, NamedUser.class).getResultList()
                .stream().map(u -> u.getFirstName() + " " + u.getLastName() + " <" + u.getEmail() + ">").toList().toString());
    }

    private Long count(EntityManagerFactory emf, String jpql, Map<String, Object> hints) {
        return emf.callInTransaction(em -> {
            var q = em.createQuery(jpql, Long.class);
            hints.forEach(q::setHint);
            return q.getSingleResult();
        });
    }

    private <T> T step(String title, Supplier<T> action) {
        step++;
        out.println("== " + step + ". " + title);
        calls.reset();
        T result = action.get();
        Map<String, Integer> used = calls.snapshot();
        callsByStep.put(title, used);
        out.println("   result: " + result);
        out.println("   DynamoDB calls: " + (used.isEmpty() ? "none" : used));
        return result;
    }
}
