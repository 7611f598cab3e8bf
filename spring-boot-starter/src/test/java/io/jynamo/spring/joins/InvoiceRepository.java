package io.jynamo.spring.joins;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Finders over the relationship: on the account's key (the foreign key), on another attribute of the account, with
 * the account fetched by an entity graph; and specifications, which Spring Data runs through the Criteria API.
 */
public interface InvoiceRepository extends JpaRepository<Invoice, String>, JpaSpecificationExecutor<Invoice> {

    List<Invoice> findByAccountId(String accountId);

    List<Invoice> findByAccountEmail(String email);

    @EntityGraph(attributePaths = "account")
    List<Invoice> findWithAccountByAccountId(String accountId);
}
