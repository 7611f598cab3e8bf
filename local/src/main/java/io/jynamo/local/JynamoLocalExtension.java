package io.jynamo.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * JUnit 5 extension for users' tests: starts the local engine once per JVM, deletes every item of
 * every table before each test class, and injects {@link LocalDynamo} or a {@link DynamoDbClient}
 * (closed after the class). The tables stay, so an {@code EntityManagerFactory} shared by several
 * test classes (one whose schema generation ran once) goes on working; its second-level cache is
 * the factory's own, to evict if a class expects what it cached to be gone.
 *
 * <pre>{@code
 * @ExtendWith(JynamoLocalExtension.class)
 * class UserRepositoryTest {
 *     @Test void saves(DynamoDbClient client) {
 *         var emf = Persistence.createEntityManagerFactory("users", Map.of("jynamo.client", client,
 *                 "jakarta.persistence.schema-generation.database.action", "create"));
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class JynamoLocalExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JynamoLocalExtension.class);

    /** Made by JUnit. */
    public JynamoLocalExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LocalDynamo.shared().emptyTables();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalDynamo.class || type == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        if (parameter.getParameter().getType() == LocalDynamo.class) {
            return LocalDynamo.shared();
        }
        ExtensionContext.Store store = extension.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(DynamoDbClient.class, k -> new ClosableClient(LocalDynamo.shared().newClient()),
                ClosableClient.class).client;
    }

    private record ClosableClient(DynamoDbClient client) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            client.close();
        }
    }
}
