package io.jynamo.jpql.testing;

import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.model.QueryModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Entity models used by the compiler's tests (and usable by other modules' tests). */
public final class TestModels {
    private TestModels() {
    }

    /** Status values of {@link #USER}. */
    public enum Status {
        /** active */
        ACTIVE,
        /** inactive */
        INACTIVE,
        /** banned */
        BANNED
    }

    /**
     * A user: partition key {@code lastName} (stored {@code last_name}), sort key {@code firstName}
     * ({@code first_name}), GSI {@code byEmail(email)}, GSI {@code byStatus(status, age)}, LSI
     * {@code byAge(lastName, age)}, an embedded {@code address}, collections {@code tags} (List of
     * String) and {@code scores} (Set of Integer), and attributes named like DynamoDB reserved words.
     */
    public static final EntityInfo USER = user();

    /** A thing with only a partition key {@code id} and a few attributes. */
    public static final EntityInfo THING = thing();

    /** A model with {@link #USER} ("User") and {@link #THING} ("Thing"). */
    public static final QueryModel MODEL = name -> Optional.ofNullable(Map.of("User", USER, "Thing", THING).get(name));

    /** An attribute with a single stored name. */
    public static AttributeInfo attr(String path, String stored, ValueKind kind, Class<?> type) {
        return new AttributeInfo(path, List.of(stored), kind, type, null);
    }

    private static EntityInfo user() {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        put(a, attr("lastName", "last_name", ValueKind.STRING, String.class));
        put(a, attr("firstName", "first_name", ValueKind.STRING, String.class));
        put(a, attr("email", "email", ValueKind.STRING, String.class));
        put(a, attr("age", "age", ValueKind.NUMBER, Integer.class));
        put(a, attr("status", "status", ValueKind.STRING, Status.class));
        put(a, attr("name", "name", ValueKind.STRING, String.class));
        put(a, attr("count", "count", ValueKind.NUMBER, Long.class));
        put(a, attr("active", "active", ValueKind.BOOLEAN, Boolean.class));
        put(a, attr("birthday", "birthday", ValueKind.STRING, LocalDate.class));
        put(a, attr("balance", "balance", ValueKind.NUMBER, BigDecimal.class));
        put(a, attr("score", "score", ValueKind.NUMBER, Double.class));
        put(a, new AttributeInfo("address", List.of("address"), ValueKind.MAP, Object.class, null));
        put(a, new AttributeInfo("address.city", List.of("address", "city"), ValueKind.STRING, String.class, null));
        put(a, new AttributeInfo("address.zip", List.of("address", "zip"), ValueKind.STRING, String.class, null));
        put(a, new AttributeInfo("address.name", List.of("address", "name"), ValueKind.STRING, String.class, null));
        put(a, new AttributeInfo("tags", List.of("tags"), ValueKind.LIST, List.class, String.class));
        put(a, new AttributeInfo("scores", List.of("scores"), ValueKind.SET, Set.class, Integer.class));
        return new EntityInfo("User", "dynamodb-user", "lastName", "firstName",
                List.of(new IndexInfo("byEmail", "email", null, true),
                        new IndexInfo("byStatus", "status", "age", true),
                        new IndexInfo("byAge", "lastName", "age", false)),
                a);
    }

    private static EntityInfo thing() {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        put(a, attr("id", "id", ValueKind.STRING, String.class));
        put(a, attr("size", "size", ValueKind.NUMBER, Integer.class));
        put(a, attr("color", "color", ValueKind.STRING, String.class));
        return new EntityInfo("Thing", "things", "id", null, List.of(), a);
    }

    private static void put(Map<String, AttributeInfo> m, AttributeInfo a) {
        m.put(a.path(), a);
    }
}
