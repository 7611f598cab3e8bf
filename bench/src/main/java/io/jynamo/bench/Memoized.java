package io.jynamo.bench;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client that answers each operation with the response its first call got from the real (canned) client, so
 * that the SDK's marshalling, signing and unmarshalling drop out of a measurement and what is left is each mapper's
 * own work: building requests and mapping results. Chosen with {@code -Djynamo.bench.memoized=true}; the canned
 * answers are by operation anyway, so every later call would have got the same response.
 */
final class Memoized {

    private Memoized() {
    }

    static DynamoDbClient of(DynamoDbClient sdk) {
        Map<String, Object> responses = new ConcurrentHashMap<>();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[]{DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer) {
                        // The overloads taking a builder's consumer: the request is built, then sent as a request.
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    boolean operation = args != null && args.length == 1 && method.getReturnType().getSimpleName().endsWith("Response");
                    if (!operation) {
                        return invoke(method, sdk, args);
                    }
                    Object cached = responses.get(method.getName());
                    if (cached == null) {
                        cached = invoke(method, sdk, args);
                        responses.put(method.getName(), cached);
                    }
                    return cached;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
