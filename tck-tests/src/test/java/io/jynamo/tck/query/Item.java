package io.jynamo.tck.query;

import io.jynamo.annotations.SortKey;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The query tests' model: partition key {@code bucket}, numeric sort key {@code seq}, a global index
 * {@code byColor(color, count)}, attributes of every queryable kind, several named like DynamoDB
 * reserved words ({@code name}, {@code status}, {@code count}), and a binary payload to make items big.
 */
@Entity
@IdClass(Item.Key.class)
@Table(name = "item", indexes = @Index(name = "byColor", columnList = "color, count"))
@NamedQuery(name = "Item.inBucket", query = "SELECT i FROM Item i WHERE i.bucket = :bucket ORDER BY i.seq")
public class Item {
    /** A status, stored by name. */
    public enum Status { NEW, ACTIVE, CLOSED }

    @Id
    private String bucket;
    @Id
    @SortKey
    private Integer seq;
    private String color;
    private String name;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long count;
    private Integer qty;
    private BigDecimal price;
    private Boolean active;
    private String note;
    @ElementCollection
    private Set<String> tags;
    @ElementCollection
    private List<Integer> scores;
    @Embedded
    private Address address;
    private byte[] payload;

    protected Item() {
    }

    public Item(String bucket, int seq) {
        this.bucket = bucket;
        this.seq = seq;
    }

    public String getBucket() { return bucket; }
    public Integer getSeq() { return seq; }
    public String getColor() { return color; }
    public void setColor(String color) { this.color = color; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Long getCount() { return count; }
    public void setCount(Long count) { this.count = count; }
    public Integer getQty() { return qty; }
    public void setQty(Integer qty) { this.qty = qty; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public Boolean getActive() { return active; }
    public void setActive(Boolean active) { this.active = active; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Set<String> getTags() { return tags; }
    public void setTags(Set<String> tags) { this.tags = tags; }
    public List<Integer> getScores() { return scores; }
    public void setScores(List<Integer> scores) { this.scores = scores; }
    public Address getAddress() { return address; }
    public void setAddress(Address address) { this.address = address; }
    public byte[] getPayload() { return payload; }
    public void setPayload(byte[] payload) { this.payload = payload; }

    /** "bucket/seq", the test's name for an item. */
    public String id() {
        return getBucket() + "/" + getSeq();
    }

    @Override
    public String toString() {
        return "Item<" + id() + ">";
    }

    /** An address, stored as a map. */
    @Embeddable
    public static class Address {
        private String city;
        private String zip;

        protected Address() {
        }

        public Address(String city, String zip) {
            this.city = city;
            this.zip = zip;
        }

        public String getCity() { return city; }
        public String getZip() { return zip; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && Objects.equals(city, a.getCity()) && Objects.equals(zip, a.getZip());
        }

        @Override
        public int hashCode() {
            return Objects.hash(city, zip);
        }
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String bucket;
        private Integer seq;

        public Key() {
        }

        public Key(String bucket, Integer seq) {
            this.bucket = bucket;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(bucket, k.bucket) && Objects.equals(seq, k.seq);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bucket, seq);
        }
    }
}
