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

    /** The GetItem answer all three read benchmarks unmarshal. */
    static final String ITEM = "{\"Item\":{\"email\":{\"S\":\"user-1@example.com\"},\"firstName\":{\"S\":\"Samuel\"},"
            + "\"lastName\":{\"S\":\"Adams\"},\"age\":{\"N\":\"31\"},\"score\":{\"N\":\"31\"},\"active\":{\"BOOL\":false}}}";
}
