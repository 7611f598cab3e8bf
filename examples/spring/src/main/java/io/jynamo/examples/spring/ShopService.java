package io.jynamo.examples.spring;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/** The shop's transactions: each method is one JPA transaction of Jynamo's entity manager. */
@Service
public class ShopService {
    private final CustomerRepository customers;
    private final OrderRepository orders;

    public ShopService(CustomerRepository customers, OrderRepository orders) {
        this.customers = customers;
        this.orders = orders;
    }

    /** Places orders for a customer that must exist; nothing is written unless all of it can be. */
    @Transactional
    public List<Order> place(String customerId, BigDecimal... totals) {
        customers.findById(customerId).orElseThrow(() -> new IllegalArgumentException("no customer " + customerId));
        int next = (int) orders.countByCustomerId(customerId) + 1;
        List<Order> placed = new java.util.ArrayList<>();
        for (BigDecimal total : totals) {
            placed.add(orders.save(new Order(customerId, next++, total)));
        }
        return placed;
    }

    /** Renames a customer, then fails: the transaction rolls back and the name stays. */
    @Transactional
    public void renameThenFail(String customerId, String name) {
        customers.findById(customerId).orElseThrow().setName(name);
        throw new IllegalStateException("the payment service is down");
    }

    /** Ships an order by a bulk update, one conditional UpdateItem. */
    @Transactional
    public int ship(String customerId, int number) {
        return orders.mark(customerId, number, Order.Status.SHIPPED);
    }
}
