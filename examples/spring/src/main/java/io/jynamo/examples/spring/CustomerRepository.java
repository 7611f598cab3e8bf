package io.jynamo.examples.spring;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Customers by id (GetItem) and by email (a Query on the index byEmail). */
public interface CustomerRepository extends JpaRepository<Customer, String> {

    Optional<Customer> findByEmail(String email);
}
