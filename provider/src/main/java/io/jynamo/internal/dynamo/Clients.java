package io.jynamo.internal.dynamo;

import io.jynamo.JynamoException;
import io.jynamo.JynamoProperties;
import io.jynamo.internal.config.UnitConfig;
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
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Iterator;
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

    /** The client a unit's settings ask for ({@code jynamo.client}, {@code jynamo.endpoint}, {@code jynamo.region}). */
    public static Client create(UnitConfig config, ClassLoader loader) {
        if (config.client() != null) {
            return new Client(config.client(), false);
        }
        String region = config.region();
        String endpoint = config.endpoint();
        ClientOverrideConfiguration override = override(config.interceptors(), new ConnectionFailures(endpoint, region),
                config.retry().maxMillis());
        if (endpoint == null) {
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
        // UnitConfig took only a URL that parses.
        return new Client(DynamoDbClient.builder().region(Region.of(region)).endpointOverride(URI.create(endpoint))
                .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(override)
                .credentialsProvider(localCredentials()).build(), true);
    }

    /**
     * The SDK's own retries of a client Jynamo makes: three attempts in all, so that an endpoint that cannot
     * be reached fails in about a second instead of after the SDK's default nine attempts, and only for
     * connection failures and server errors. Throttling is left to Jynamo, which retries throttled and
     * unprocessed work itself under {@code jynamo.retry.*}: one budget, not one inside the other.
     */
    static final int SDK_MAX_ATTEMPTS = 3;

    private static final RetryStrategy SDK_RETRIES = DefaultRetryStrategy.standardStrategyBuilder()
            .useClientDefaults(false).maxAttempts(SDK_MAX_ATTEMPTS)
            .retryOnException(e -> e instanceof SdkException sdk && !Dynamo.isThrottle(sdk)
                    && (e instanceof SdkClientException || e instanceof SdkServiceException s && s.statusCode() >= 500))
            .build();

    static ClientOverrideConfiguration override(List<ExecutionInterceptor> interceptors,
                                                        ExecutionInterceptor connectionFailures, long maxMillis) {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(SDK_RETRIES)
                .addExecutionInterceptor(connectionFailures);
        if (maxMillis > 0) {
            // No call, the SDK's own retries included, outlasts the unit's retry time bound, even one that starts
            // within the grace of an operation, when it has no bound of its own (Retry.graceMillis).
            b.apiCallTimeout(java.time.Duration.ofMillis(Retry.clientTimeoutMillis(maxMillis)));
        }
        interceptors.forEach(b::addExecutionInterceptor);
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

    /**
     * The SDK's failure to reach the endpoint of a client Jynamo made, with a message that names the
     * endpoint and the region and says what to check. An interceptor may only hand the SDK an exception of
     * the class it threw, hence an SdkClientException; Jynamo's callers turn it into a {@link JynamoException}
     * with the same message ({@link #connectionFailure(Throwable, DynamoDbClient)}).
     */
    public static final class EndpointUnreachableException extends SdkClientException {
        private static final long serialVersionUID = 1L;

        EndpointUnreachableException(String message, Throwable cause) {
            super(SdkClientException.builder().message(message).cause(cause));
        }
    }

    /**
     * The {@link JynamoException} to throw instead of a failure to reach DynamoDB at all (connection refused,
     * unknown host, timeout, no route), or {@code null} if the failure is another one. Works for the clients
     * Jynamo makes (their interceptor already wrote the message) and for one the application gave as
     * {@code jynamo.client}, whose interceptors Jynamo cannot change: the endpoint and region are then
     * taken from the client's configuration.
     */
    public static JynamoException connectionFailure(Throwable failure, DynamoDbClient client) {
        if (failure instanceof EndpointUnreachableException e) {
            return new JynamoException(e.getMessage(), e);
        }
        URI endpoint = null;
        String region = "(unknown)";
        try {
            var config = client.serviceClientConfiguration();
            endpoint = config.endpointOverride().orElse(null);
            region = String.valueOf(config.region());
        } catch (RuntimeException e) {
            // A test double or wrapper without a configuration: the message says less.
        }
        String message = unreachableMessage(failure, endpoint, endpoint == null ? null : endpoint.toString(), region);
        return message == null ? null : new JynamoException(message, failure);
    }

    private static String unreachableMessage(Throwable failure, URI called, String configured, String region) {
        if (!(failure instanceof SdkClientException)) {
            return null;
        }
        Throwable cause = null;
        for (Throwable t = failure; t != null && cause == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof NoRouteToHostException) {
                cause = t;
            }
        }
        if (cause == null) {
            return null;
        }
        String where = called != null ? called.getScheme() + "://" + called.getAuthority()
                : configured != null ? configured : "the AWS endpoint of the region";
        String setting = configured == null
                ? JynamoProperties.ENDPOINT + " is not set, so AWS's endpoint of the region is used"
                : JynamoProperties.ENDPOINT + "=" + configured;
        String problem = cause instanceof UnknownHostException ? "the host is unknown"
                : cause instanceof SocketTimeoutException ? "the connection timed out"
                : cause instanceof ConnectException ? "the connection was refused" : "there is no route to the host";
        return "Cannot reach DynamoDB at " + where + " (region " + region + "): " + problem
                + " (" + cause.getMessage() + "). " + setting + ". Check that the endpoint is running and listening there,"
                + " that " + JynamoProperties.ENDPOINT + " and " + JynamoProperties.REGION + " name it, and the network"
                + " (proxy, firewall) and credentials between here and it";
    }

    /** Gives the SDK's failure to reach the endpoint, after its few retries, the message of {@link #unreachableMessage}. */
    static final class ConnectionFailures implements ExecutionInterceptor {
        private final String configured;
        private final String region;

        ConnectionFailures(String configured, String region) {
            this.configured = configured;
            this.region = region;
        }

        @Override
        public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
            Throwable failure = context.exception();
            // The SDK accepts only an exception of the class it threw in its place.
            if (failure.getClass() != SdkClientException.class) {
                return failure;
            }
            URI called = context.httpRequest().map(SdkHttpRequest::getUri).orElse(null);
            String message = unreachableMessage(failure, called, configured, region);
            return message == null ? failure : new EndpointUnreachableException(message, failure);
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
