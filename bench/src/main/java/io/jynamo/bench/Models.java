package io.jynamo.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** The same user for every mapper: a key and five attributes. */
final class Models {

    private Models() {
    }

    /** The JPA entity. */
    @Entity(name = "BenchUser")
    public static class JpaUser {
        @Id
        private String email;
        private String firstName;
        private String lastName;
        private int age;
        private long score;
        private boolean active;

        public JpaUser() {
        }

        JpaUser(int i) {
            email = "user-" + i + "@example.com";
            firstName = "Samuel";
            lastName = "Adams";
            age = 30 + i % 50;
            score = i * 31L;
            active = i % 2 == 0;
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }
    }

    /** The Enhanced Client bean. */
    @DynamoDbBean
    public static class BeanUser {
        private String email;
        private String firstName;
        private String lastName;
        private int age;
        private long score;
        private boolean active;

        public BeanUser() {
        }

        BeanUser(int i) {
            email = "user-" + i + "@example.com";
            firstName = "Samuel";
            lastName = "Adams";
            age = 30 + i % 50;
            score = i * 31L;
            active = i % 2 == 0;
        }

        @DynamoDbPartitionKey
        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public long getScore() {
            return score;
        }

        public void setScore(long score) {
            this.score = score;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    /** A line of a partition: composite key (owner, seq), four attributes; kept in the second-level cache. */
    @Entity(name = "BenchLine")
    @jakarta.persistence.Cacheable
    @jakarta.persistence.IdClass(LineKey.class)
    public static class JpaLine {
        @Id
        private String owner;
        @Id
        @io.jynamo.annotations.SortKey
        private int seq;
        private String product;
        private int quantity;
        private long price;
        private boolean shipped;

        public JpaLine() {
        }

        /** Line {@code seq} of {@code owner}, with the attributes {@link Models#line} gives it. */
        JpaLine(String owner, int seq) {
            this.owner = owner;
            this.seq = seq;
            product = "Product " + seq;
            quantity = 1 + seq % 9;
            price = 100 + seq;
            shipped = seq % 3 == 0;
        }

        public String getProduct() {
            return product;
        }

        public void setProduct(String product) {
            this.product = product;
        }
    }

    /** The same line, versioned: every change is a conditional UpdateItem. */
    @Entity(name = "BenchVLine")
    @jakarta.persistence.IdClass(LineKey.class)
    public static class JpaVersionedLine {
        @Id
        private String owner;
        @Id
        @io.jynamo.annotations.SortKey
        private int seq;
        private String product;
        private int quantity;
        private long price;
        private boolean shipped;
        @jakarta.persistence.Version
        private long version;

        public JpaVersionedLine() {
        }

        public String getProduct() {
            return product;
        }

        public void setProduct(String product) {
            this.product = product;
        }
    }

    /** The composite key of both lines. */
    public static class LineKey implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private String owner;
        private int seq;

        public LineKey() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LineKey k && owner.equals(k.owner) && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return owner.hashCode() * 31 + seq;
        }
    }

    /** The Enhanced Client bean of a line (versioned when the table holds a version). */
    @DynamoDbBean
    public static class BeanLine {
        private String owner;
        private int seq;
        private String product;
        private int quantity;
        private long price;
        private boolean shipped;

        @DynamoDbPartitionKey
        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        @software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey
        public int getSeq() {
            return seq;
        }

        public void setSeq(int seq) {
            this.seq = seq;
        }

        public String getProduct() {
            return product;
        }

        public void setProduct(String product) {
            this.product = product;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }

        public long getPrice() {
            return price;
        }

        public void setPrice(long price) {
            this.price = price;
        }

        public boolean isShipped() {
            return shipped;
        }

        public void setShipped(boolean shipped) {
            this.shipped = shipped;
        }
    }

    /** The Enhanced Client bean of a versioned line. */
    @DynamoDbBean
    public static class BeanVersionedLine extends BeanLine {
        private Long version;

        @software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    /** The consumed capacity DynamoDB reports, as Jynamo asks for it on every call. */
    static String capacity(String table, double units) {
        return "\"ConsumedCapacity\":{\"TableName\":\"" + table + "\",\"CapacityUnits\":" + units + "}";
    }

    /** The same, as the list batch calls report. */
    static String capacities(String table, double units) {
        return "\"ConsumedCapacity\":[{\"TableName\":\"" + table + "\",\"CapacityUnits\":" + units + "}]";
    }

    /** The item of user i, as DynamoDB returns it. */
    static String user(int i) {
        return "{\"email\":{\"S\":\"user-" + i + "@example.com\"},\"firstName\":{\"S\":\"Samuel\"},"
                + "\"lastName\":{\"S\":\"Adams\"},\"age\":{\"N\":\"" + (30 + i % 50) + "\"},\"score\":{\"N\":\""
                + i * 31L + "\"},\"active\":{\"BOOL\":" + (i % 2 == 0) + "}}";
    }

    /** The item of line i of partition "owner-1" (with a version when {@code versioned}). */
    static String line(int i, boolean versioned) {
        return line("owner-1", i, versioned);
    }

    /** The item of line i of {@code owner}. */
    static String line(String owner, int i, boolean versioned) {
        return "{\"owner\":{\"S\":\"" + owner + "\"},\"seq\":{\"N\":\"" + i + "\"},\"product\":{\"S\":\"Product " + i
                + "\"},\"quantity\":{\"N\":\"" + (1 + i % 9) + "\"},\"price\":{\"N\":\"" + (100 + i) + "\"},"
                + "\"shipped\":{\"BOOL\":" + (i % 3 == 0) + "}" + (versioned ? ",\"version\":{\"N\":\"3\"}" : "") + "}";
    }

    /** A Query page of {@code n} lines, complete (no LastEvaluatedKey). */
    static String linePage(String table, int n, boolean versioned) {
        return linePage(table, 0, n, versioned, false);
    }

    /** A Query page of lines {@code from .. from+n-1}, followed by another page when {@code more}. */
    static String linePage(String table, int from, int n, boolean versioned, boolean more) {
        StringBuilder b = new StringBuilder("{\"Count\":").append(n).append(",\"ScannedCount\":").append(n).append(",\"Items\":[");
        for (int i = from; i < from + n; i++) {
            b.append(i == from ? "" : ",").append(line(i, versioned));
        }
        if (more) {
            b.append("],\"LastEvaluatedKey\":{\"owner\":{\"S\":\"owner-1\"},\"seq\":{\"N\":\"").append(from + n - 1).append("\"}}");
        } else {
            b.append(']');
        }
        return b.append(',').append(capacity(table, n / 8.0)).append('}').toString();
    }

    /** A BatchGetItem answer holding users 0..n-1. */
    static String userBatch(int n) {
        StringBuilder b = new StringBuilder("{\"Responses\":{\"BenchUser\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(user(i));
        }
        return b.append("]},\"UnprocessedKeys\":{},").append(capacities("BenchUser", n)).append('}').toString();
    }

    /** The GetItem answer all three read benchmarks unmarshal. */
    static final String ITEM = "{\"Item\":{\"email\":{\"S\":\"user-1@example.com\"},\"firstName\":{\"S\":\"Samuel\"},"
            + "\"lastName\":{\"S\":\"Adams\"},\"age\":{\"N\":\"31\"},\"score\":{\"N\":\"31\"},\"active\":{\"BOOL\":false}},"
            + capacity("BenchUser", 1.0) + "}";
}
