package io.jynamo.bench;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP client that answers every DynamoDB operation with a canned JSON body, at once. With it
 * a benchmark measures what a mapper costs on the client — mapping, request building, the SDK's
 * marshalling, signing and unmarshalling — without the network or an engine's own time.
 */
final class CannedHttpClient implements SdkHttpClient {

    private final Map<String, byte[]> bodies;

    /** @param bodies response body by operation name (the X-Amz-Target suffix, e.g. "GetItem"); others get {@code {}} */
    CannedHttpClient(Map<String, String> bodies) {
        this.bodies = new java.util.HashMap<>();
        bodies.forEach((k, v) -> this.bodies.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        byte[] body = bodies.getOrDefault(operation, "{}".getBytes(StandardCharsets.UTF_8));
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
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
