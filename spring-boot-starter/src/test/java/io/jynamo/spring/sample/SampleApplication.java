package io.jynamo.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot application on Jynamo: with the starter and jynamo-local on the class path it needs no
 * configuration at all and runs on the embedded engine. The tests start it; {@link #main} runs it.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        try (var context = SpringApplication.run(SampleApplication.class, args)) {
            CustomerRepository customers = context.getBean(CustomerRepository.class);
            customers.save(new Customer("c1", "Ada", "ada@example.com", "London", 36));
            System.out.println(customers.findByEmail("ada@example.com").orElseThrow().getName());
        }
    }
}
