package io.jynamo.jpql.testing;

import io.jynamo.jpql.ValueKind;
import io.jynamo.jpql.model.AssociationInfo;
import io.jynamo.jpql.model.AttributeInfo;
import io.jynamo.jpql.model.EntityInfo;
import io.jynamo.jpql.model.IndexInfo;
import io.jynamo.jpql.model.QueryModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
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

    /** An instance of {@link #CUSTOMER} as a test passes it to an entity parameter. */
    public record Customer(Long id) {
    }

    /** An instance of {@link #USER} (composite key) as a test passes it to an entity parameter. */
    public record Person(String lastName, String firstName) {
    }

    /** An instance of {@link #ORDER}. */
    public record Purchase(String id) {
    }

    /** A customer: partition key {@code id} (Long); inverse one-to-many {@code orders}, inverse one-to-one {@code profile}. */
    public static final EntityInfo CUSTOMER = customer();

    /**
     * An order, entity name {@code Order}, table {@code orders}: partition key {@code id} (String); owning to-one
     * {@code customer} (foreign key {@code customer.id} stored as {@code customer_id}, the partition key of GSI
     * {@code byCustomer(customer.id)}), owning to-one {@code owner} to the composite-keyed {@link #USER}
     * ({@code owner.lastName}/{@code owner.firstName} stored as {@code owner_last}/{@code owner_first}), inverse
     * one-to-many {@code lines} and link-table {@code tags}.
     */
    public static final EntityInfo ORDER = order();

    /** An order line: partition key {@code id}; owning to-one {@code order} stored as {@code order_id} (GSI {@code byOrder}). */
    public static final EntityInfo ORDER_LINE = orderLine();

    /** {@link #USER} with its key extractor, for entity comparisons on a composite key. */
    public static final EntityInfo PERSON_USER = new EntityInfo(USER.name(), USER.tableName(), USER.partitionKey(),
            USER.sortKey(), USER.indexes(), USER.attributes(), Map.of(), Person.class,
            o -> key("lastName", ((Person) o).lastName(), "firstName", ((Person) o).firstName()));

    /** A model with relationships: Order, OrderLine, Customer, User (as {@link #PERSON_USER}) and Thing. */
    public static final QueryModel RELATIONS = name -> Optional.ofNullable(Map.of("Order", ORDER, "Customer", CUSTOMER,
            "OrderLine", ORDER_LINE, "User", PERSON_USER, "Thing", THING).get(name));

    /** {@link #RELATIONS} for a provider that reads the targets of {@code SELECT o.customer}. */
    public static final QueryModel RELATIONS_READING_TARGETS = new QueryModel() {
        @Override
        public Optional<EntityInfo> entity(String entityName) {
            return RELATIONS.entity(entityName);
        }

        @Override
        public boolean readsSelectedTargets() {
            return true;
        }
    };

    private static Map<String, Object> key(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static EntityInfo customer() {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        put(a, attr("id", "id", ValueKind.NUMBER, Long.class));
        put(a, attr("name", "name", ValueKind.STRING, String.class));
        Map<String, AssociationInfo> assoc = new LinkedHashMap<>();
        assoc.put("orders", AssociationInfo.inverse("orders", AssociationInfo.Kind.INVERSE_ONE_TO_MANY, "Order",
                "customer", "byCustomer"));
        assoc.put("profile", AssociationInfo.inverse("profile", AssociationInfo.Kind.INVERSE_TO_ONE, "Thing",
                "customer", "byCustomer"));
        return new EntityInfo("Customer", "customers", "id", null, List.of(), a, assoc, Customer.class,
                o -> key("id", ((Customer) o).id()));
    }

    private static EntityInfo orderLine() {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        put(a, attr("id", "id", ValueKind.STRING, String.class));
        put(a, attr("order.id", "order_id", ValueKind.STRING, String.class));
        return new EntityInfo("OrderLine", "order-lines", "id", null, List.of(new IndexInfo("byOrder", "order.id", null, true)),
                a, Map.of("order", AssociationInfo.owningToOne("order", "Order", Map.of("id", "order.id"))), null, null);
    }

    private static EntityInfo order() {
        Map<String, AttributeInfo> a = new LinkedHashMap<>();
        put(a, attr("id", "id", ValueKind.STRING, String.class));
        put(a, attr("total", "total", ValueKind.NUMBER, Integer.class));
        put(a, attr("customer.id", "customer_id", ValueKind.NUMBER, Long.class));
        put(a, attr("owner.lastName", "owner_last", ValueKind.STRING, String.class));
        put(a, attr("owner.firstName", "owner_first", ValueKind.STRING, String.class));
        Map<String, AssociationInfo> assoc = new LinkedHashMap<>();
        assoc.put("customer", AssociationInfo.owningToOne("customer", "Customer", Map.of("id", "customer.id")));
        Map<String, String> ownerKey = new LinkedHashMap<>();
        ownerKey.put("lastName", "owner.lastName");
        ownerKey.put("firstName", "owner.firstName");
        assoc.put("owner", AssociationInfo.owningToOne("owner", "User", ownerKey));
        assoc.put("lines", AssociationInfo.inverse("lines", AssociationInfo.Kind.INVERSE_ONE_TO_MANY, "OrderLine", "order",
                "byOrder"));
        assoc.put("tags", AssociationInfo.linkTable("tags", "Thing", "order_tags", "order_tags-inverse"));
        return new EntityInfo("Order", "orders", "id", null,
                List.of(new IndexInfo("byCustomer", "customer.id", null, true)), a, assoc, Purchase.class,
                o -> key("id", ((Purchase) o).id()));
    }

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
