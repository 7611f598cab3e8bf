package io.jynamo.examples.spring;

import io.jynamo.JynamoEntityManagerFactory;
import io.jynamo.JynamoStatistics;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Spring Boot shop on Jynamo and the embedded engine: Spring Data JPA repositories, a {@code @Transactional}
 * service, and what each step asks of DynamoDB. Run with
 * {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl examples/spring exec:java}; the engine stops with it.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class, args)) {
            run(context, System.out);
        }
    }

    /** The steps, each printed with its result and the DynamoDB calls it made. */
    static void run(ConfigurableApplicationContext context, PrintStream out) {
        CustomerRepository customers = context.getBean(CustomerRepository.class);
        OrderRepository orders = context.getBean(OrderRepository.class);
        ShopService shop = context.getBean(ShopService.class);
        JynamoEntityManagerFactory emf = context.getBean(EntityManagerFactory.class).unwrap(JynamoEntityManagerFactory.class);
        Steps steps = new Steps(emf, out);

        steps.run("save two customers", () -> customers.saveAll(List.of(
                new Customer("ada", "Ada", "ada@example.com"), new Customer("bob", "Bob", "bob@example.com"))).size());
        steps.run("find a customer by email (index byEmail)", () -> customers.findByEmail("bob@example.com").orElseThrow());
        steps.run("place three orders in one transaction", () -> shop.place("ada",
                new BigDecimal("12.50"), new BigDecimal("7.00"), new BigDecimal("30.25")));
        steps.run("Ada's orders, newest first", () -> orders.findByCustomerIdOrderByNumberDesc("ada"));
        steps.run("the second page of two, by number", () -> {
            Page<Order> page = orders.findByCustomerId("ada", PageRequest.of(1, 2, Sort.by("number")));
            return page.getContent() + " of " + page.getTotalElements();
        });
        steps.run("@Query: orders from #2 on", () -> orders.since("ada", 2));
        steps.run("ship order #1 (a bulk update)", () -> shop.ship("ada", 1) + " shipped");
        steps.run("count Ada's open orders", () -> orders.countByCustomerIdAndStatus("ada", Order.Status.OPEN));
        steps.run("a failing transaction rolls back", () -> {
            try {
                shop.renameThenFail("bob", "Robert");
                return "renamed?";
            } catch (IllegalStateException e) {
                return e.getMessage() + "; Bob is still " + customers.findById("bob").orElseThrow().getName();
            }
        });
        steps.run("delete Ada's orders in one batch", () -> {
            orders.deleteAllInBatch(orders.findByCustomerIdOrderByNumberDesc("ada"));
            return orders.countByCustomerId("ada") + " left";
        });
    }

    /** Prints each step with its result and the calls the factory made for it. */
    private record Steps(JynamoEntityManagerFactory emf, PrintStream out) {
        void run(String name, Supplier<Object> step) {
            JynamoStatistics before = emf.statistics();
            Object result = step.get();
            JynamoStatistics spent = emf.statistics().minus(before);
            out.println("== " + name);
            out.println("   " + result);
            out.println("   DynamoDB: " + spent.calls() + ", " + spent.itemsRead() + " items read, "
                    + spent.itemsWritten() + " written");
        }
    }
}
