package io.jynamo.spring.sample;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A transactional service over the repositories, as an application would have one. */
@Service
public class CustomerService {

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /** Saves all in one transaction: one commit. */
    @Transactional
    public void registerAll(List<Customer> list) {
        customers.saveAll(list);
    }

    /** Saves all, then fails before the commit: the transaction rolls back. */
    @Transactional
    public void registerAllThenFail(List<Customer> list) {
        customers.saveAll(list);
        throw new IllegalStateException("failed after saving " + list.size());
    }

    /** Saves and flushes the first, saves the others, then fails: what the flush sent is what a rollback faces. */
    @Transactional
    public void registerFlushFirstThenFail(List<Customer> list) {
        customers.saveAndFlush(list.get(0));
        customers.saveAll(list.subList(1, list.size()));
        throw new IllegalStateException("failed after flushing " + list.get(0));
    }

    /** Renames inside a transaction: the managed entity's change is written at commit without a save. */
    @Transactional
    public void rename(String id, String name) {
        customers.findById(id).orElseThrow().setName(name);
    }

    /** A bulk update, which JPA runs only inside a transaction. */
    @Transactional
    public int deactivateCity(String city) {
        return customers.setActiveIn(city, false);
    }

    /** A bulk delete, which JPA runs only inside a transaction. */
    @Transactional
    public int removeCity(String city) {
        return customers.deleteAllIn(city);
    }

    /** A derived delete: loads the matching entities and removes each. */
    @Transactional
    public long removeCityOneByOne(String city) {
        return customers.deleteByCity(city);
    }
}
