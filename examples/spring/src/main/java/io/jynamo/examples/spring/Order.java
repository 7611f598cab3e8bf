package io.jynamo.examples.spring;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * An order, named {@code Order} like many shops name it (a JPQL keyword, which Jynamo accepts as an entity name):
 * partition key {@code customerId}, sort key {@code number}, so a customer's orders are one Query in order.
 */
@Entity
@IdClass(Order.Key.class)
@Table(name = "orders")
public class Order {
    /** The state of an order. */
    public enum Status { OPEN, SHIPPED }

    @Id
    private String customerId;
    @Id
    @SortKey
    private int number;
    private BigDecimal total;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    /** Also how Spring Data tells a new order (null) from a stored one, so save() persists without reading. */
    @Version
    private Long version;

    protected Order() {
    }

    public Order(String customerId, int number, BigDecimal total) {
        this.customerId = customerId;
        this.number = number;
        this.total = total;
    }

    public String getCustomerId() {
        return customerId;
    }

    public int getNumber() {
        return number;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    @Override
    public String toString() {
        return "#" + number + " " + total + " " + status;
    }

    /** The key of an order. */
    public record Key(String customerId, Integer number) implements Serializable {
    }
}
