package io.jynamo.tck.cache;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity that refuses caching ({@code @Cacheable(false)}): cached only under ALL. */
@Entity
@Cacheable(false)
public class Token {
    @Id
    private String id;
    private String value;

    protected Token() {
    }

    public Token(String id, String value) {
        this.id = id;
        this.value = value;
    }

    public String getId() {
        return id;
    }

    public String getValue() {
        return value;
    }
}
