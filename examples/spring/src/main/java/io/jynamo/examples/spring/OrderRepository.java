package io.jynamo.examples.spring;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

/** A customer's orders: every finder names the partition key, so each is one Query, in sort-key order. */
public interface OrderRepository extends JpaRepository<Order, Order.Key> {

    List<Order> findByCustomerIdOrderByNumberDesc(String customerId);

    Page<Order> findByCustomerId(String customerId, Pageable page);

    long countByCustomerId(String customerId);

    long countByCustomerIdAndStatus(String customerId, Order.Status status);

    @Query("select o from Order o where o.customerId = :customer and o.number >= :from")
    List<Order> since(@Param("customer") String customerId, @Param("from") int from);

    @Modifying
    @Query("update Order o set o.status = :status where o.customerId = :customer and o.number = :number")
    int mark(@Param("customer") String customerId, @Param("number") int number, @Param("status") Order.Status status);
}
