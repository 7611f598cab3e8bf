package io.jynamo.tck.cache;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A cacheable entity ({@code @Cacheable}): cached under ENABLE_SELECTIVE, the default. */
@Entity
@Cacheable
public class Product {
    @Id
    private String id;
    private String name;
    private long price;

    protected Product() {
    }

    public Product(String id, String name, long price) {
        this.id = id;
        this.name = name;
        this.price = price;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public long getPrice() {
        return price;
    }

    public void setPrice(long price) {
        this.price = price;
    }
}
