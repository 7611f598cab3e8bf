package io.jynamo.internal.dynamo;

import io.jynamo.JynamoProperties;
import io.jynamo.spi.EmbeddedEngine;
import jakarta.persistence.PersistenceException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;

/** Makes the DynamoDB client a factory uses, from {@code jynamo.client}, {@code jynamo.endpoint} and {@code jynamo.region}. */
public final class Clients {

    private Clients() {
    }

    /**
     * A client and whether the factory owns it (and so closes it).
     *
     * @param client the client
     * @param owned  {@code true} when Jynamo made it
     */
    public record Client(DynamoDbClient client, boolean owned) {
    }

    /** The client the properties ask for. */
    public static Client create(Map<String, Object> properties, ClassLoader loader) {
        Object given = properties.get(JynamoProperties.CLIENT);
        if (given != null) {
            if (!(given instanceof DynamoDbClient c)) {
                throw new PersistenceException(JynamoProperties.CLIENT + " must be a " + DynamoDbClient.class.getName()
                        + ", not a " + given.getClass().getName());
            }
            return new Client(c, false);
        }
        String region = string(properties, JynamoProperties.REGION, "us-east-1");
        ClientOverrideConfiguration override = override(properties.get(JynamoProperties.INTERCEPTORS));
        String endpoint = string(properties, JynamoProperties.ENDPOINT, null);
        if (endpoint == null || endpoint.isBlank()) {
            return new Client(DynamoDbClient.builder().region(Region.of(region))
                    .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(override)
                    .credentialsProvider(DefaultCredentialsProvider.builder().build()).build(), true);
        }
        if (endpoint.equals("embedded")) {
            Iterator<EmbeddedEngine> engines = ServiceLoader.load(EmbeddedEngine.class, loader).iterator();
            if (!engines.hasNext()) {
                throw new PersistenceException(JynamoProperties.ENDPOINT + "=embedded needs io.jynamo:jynamo-local on the"
                        + " class path; add that dependency or set " + JynamoProperties.ENDPOINT + " to http://host:port");
            }
            return new Client(engines.next().start(region, override), true);
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new PersistenceException(JynamoProperties.ENDPOINT + "='" + endpoint
                    + "' is not 'embedded' or a URL such as http://localhost:8000", e);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new PersistenceException(JynamoProperties.ENDPOINT + "='" + endpoint
                    + "' is not 'embedded' or a URL such as http://localhost:8000");
        }
        return new Client(DynamoDbClient.builder().region(Region.of(region)).endpointOverride(uri)
                .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(override)
                .credentialsProvider(localCredentials()).build(), true);
    }

    private static ClientOverrideConfiguration override(Object interceptors) {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder();
        if (interceptors == null) {
            return b.build();
        }
        Collection<?> all = interceptors instanceof Collection<?> c ? c : List.of(interceptors);
        for (Object i : all) {
            if (!(i instanceof ExecutionInterceptor interceptor)) {
                throw new PersistenceException(JynamoProperties.INTERCEPTORS + " must hold "
                        + ExecutionInterceptor.class.getName() + " instances, not " + (i == null ? "null" : i.getClass().getName()));
            }
            b.addExecutionInterceptor(interceptor);
        }
        return b.build();
    }

    /**
     * Credentials for a non-AWS endpoint: those of the environment or system properties when set,
     * else dummy ones (local engines accept any). The full default chain is not used because it would
     * probe the instance metadata service.
     */
    public static AwsCredentialsProvider localCredentials() {
        String key = firstNonBlank(System.getProperty("aws.accessKeyId"), System.getenv("AWS_ACCESS_KEY_ID"));
        String secret = firstNonBlank(System.getProperty("aws.secretAccessKey"), System.getenv("AWS_SECRET_ACCESS_KEY"));
        if (key != null && secret != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("jynamo", "jynamo"));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static String string(Map<String, Object> properties, String key, String fallback) {
        Object v = properties.get(key);
        return v == null ? fallback : v.toString().trim();
    }
}
