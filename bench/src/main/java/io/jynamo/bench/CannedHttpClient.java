package io.jynamo.bench;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An HTTP client that answers every DynamoDB operation with a canned JSON body, at once or after a fixed
 * delay. At once, a benchmark measures what a mapper costs on the client — mapping, request building, the
 * SDK's marshalling, signing and unmarshalling — without the network or an engine's own time. With a
 * delay (a stand-in for a network round trip), it measures the wall time the number and the overlap of
 * calls decide.
 */
final class CannedHttpClient implements SdkHttpClient {

    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final Function<String, byte[]> bodies;
    private final long delayMillis;

    /** @param bodies response body by operation name (the X-Amz-Target suffix, e.g. "GetItem"); others get {@code {}} */
    CannedHttpClient(Map<String, String> bodies) {
        this(bodies, 0);
    }

    /** @param delayMillis how long every call sleeps before it answers */
    CannedHttpClient(Map<String, String> bodies, long delayMillis) {
        Map<String, byte[]> bytes = new HashMap<>();
        bodies.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        this.bodies = operation -> bytes.getOrDefault(operation, EMPTY);
        this.delayMillis = delayMillis;
    }

    /** @param bodies the body of the next answer to an operation (it may change from call to call) */
    CannedHttpClient(Function<String, byte[]> bodies) {
        this.bodies = bodies;
        this.delayMillis = 0;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = bodies.apply(operation);
                SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200)
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("Content-Length", Integer.toString(body.length)).build();
                return HttpExecuteResponse.builder().response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }

    @Override
    public String clientName() {
        return "canned";
    }
}
