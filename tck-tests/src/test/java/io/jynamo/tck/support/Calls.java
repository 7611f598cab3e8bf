package io.jynamo.tck.support;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real {@link DynamoDbClient} to count and record the calls Jynamo makes, and optionally to
 * change what a call does (fault injection). Hand {@link #client()} over as {@code jynamo.client}.
 */
public final class Calls {

    /** Replaces one call: gets the request and the real call, returns the response. */
    @FunctionalInterface
    public interface Fault {
        Object apply(String operation, Object request, RealCall real) throws Exception;
    }

    /** The call to the real client. */
    @FunctionalInterface
    public interface RealCall {
        Object call(Object request) throws Exception;
    }

    /** One recorded call. */
    public record Call(String operation, Object request) {
    }

    private final DynamoDbClient real;
    private final DynamoDbClient client;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Call> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Fault fault;

    public Calls(DynamoDbClient real) {
        this.real = real;
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "Calls(" + real + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.invoke(real, args);
                };
            }
            if (method.getName().equals("close") || method.getName().equals("serviceName")
                    || method.getName().equals("serviceClientConfiguration") || method.getName().equals("waiter")) {
                return invoke(method, args);
            }
            Object request = args == null || args.length == 0 ? null : args[0];
            if (request instanceof java.util.function.Consumer<?>) {
                // Consumer<Builder> overloads are default methods that build the request and call the
                // request overload on this proxy, which counts it.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            counts.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
            log.add(new Call(method.getName(), request));
            Fault f = fault;
            if (f != null) {
                return f.apply(method.getName(), request, r -> invoke(method, new Object[] {r}));
            }
            return invoke(method, args);
        };
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    private Object invoke(Method method, Object[] args) throws Exception {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** The counting client. */
    public DynamoDbClient client() {
        return client;
    }

    /** How many calls of that operation (e.g. {@code "batchWriteItem"}) were made since the last reset. */
    public int count(String operation) {
        AtomicInteger c = counts.get(operation);
        return c == null ? 0 : c.get();
    }

    /** All calls since the last reset, in order. */
    public List<Call> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The requests of one operation since the last reset. */
    @SuppressWarnings("unchecked")
    public <T> List<T> requests(String operation) {
        return (List<T>) log().stream().filter(c -> c.operation().equals(operation)).map(Call::request).toList();
    }

    /** How many writes (puts and deletes) the BatchWriteItem calls since the last reset carried, resent ones again. */
    public int batchWrites() {
        return this.<software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest>requests("batchWriteItem").stream()
                .mapToInt(r -> r.requestItems().values().stream().mapToInt(List::size).sum()).sum();
    }

    /** The call timeouts the requests of an operation carry of their own (none: the client's own timeout bounds the call). */
    public List<java.time.Duration> callTimeouts(String operation) {
        return this.<software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest>requests(operation).stream()
                .flatMap(r -> r.overrideConfiguration().flatMap(o -> o.apiCallTimeout()).stream()).toList();
    }

    /** The number of calls of any operation since the last reset. */
    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Forgets what was counted. */
    public void reset() {
        counts.clear();
        log.clear();
    }

    /** Sets (or with {@code null} removes) the fault applied to every call. */
    public void fault(Fault fault) {
        this.fault = fault;
    }
}
