package io.jynamo.local;

import io.jynamo.internal.dynamo.Clients;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A DynamoDB-compatible engine on a loopback port, started on demand and shared by the whole JVM:
 * what {@code jynamo.endpoint=embedded} and the JUnit extension use.
 *
 * <p>The engine is <a href="https://github.com/getmoto/moto">moto</a>'s server (Apache 2.0), which
 * implements the DynamoDB API including expressions, batches and transactions, and validates
 * requests. It runs as a child process of the JVM and stops with it. Jynamo finds it as
 * {@code moto_server} on the {@code PATH}, else {@code python3 -m moto.server}; the system property
 * or environment variable {@value #COMMAND_PROPERTY} / {@code JYNAMO_LOCAL_COMMAND} names another
 * command (its arguments separated by spaces; {@code -H host -p port} are appended).
 *
 * <pre>{@code
 * DynamoDbClient client = LocalDynamo.shared().newClient();
 * }</pre>
 */
public final class LocalDynamo {

    /** The system property naming the engine command. */
    public static final String COMMAND_PROPERTY = "jynamo.local.command";

    private static final System.Logger LOG = System.getLogger(LocalDynamo.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static LocalDynamo shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private LocalDynamo(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The engine of this JVM, started on the first call. */
    public static synchronized LocalDynamo shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(command());
            LocalDynamo started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "jynamo-local-stop"));
        }
        return shared;
    }

    /** Where the engine listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A new client for the engine; the caller closes it. */
    public DynamoDbClient newClient() {
        return newClient("us-east-1");
    }

    /** A new client for the engine claiming a region; the caller closes it. */
    public DynamoDbClient newClient(String region) {
        return newClient(region, ClientOverrideConfiguration.builder().build());
    }

    /** A new client for the engine with a region and client configuration; the caller closes it. */
    public DynamoDbClient newClient(String region, ClientOverrideConfiguration override) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region)).overrideConfiguration(override)
                .credentialsProvider(Clients.localCredentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Deletes every table and item of the engine. */
    public void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            int status = c.getResponseCode();
            c.disconnect();
            if (status / 100 != 2) {
                throw new IllegalStateException("Resetting the local engine answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reset the local engine at " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /** Stops the engine. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Starts an engine with that command (Jynamo appends the host and port arguments). */
    static LocalDynamo start(List<String> command) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            try {
                Path log = Files.createTempFile("jynamo-local-", ".log");
                log.toFile().deleteOnExit();
                Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                LOG.log(System.Logger.Level.INFO, () -> "Starting local DynamoDB engine: " + String.join(" ", full));
                if (awaitReady(p, endpoint)) {
                    LOG.log(System.Logger.Level.INFO, () -> "Local DynamoDB engine ready at " + endpoint);
                    return new LocalDynamo(p, endpoint, log);
                }
                p.destroyForcibly();
                last = new IOException("it did not answer within " + START_TIMEOUT.toSeconds() + " s; its output: "
                        + tail(log));
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("Cannot start the local DynamoDB engine (" + String.join(" ", command) + "): "
                + (last == null ? "unknown failure" : last.getMessage()) + ". Install it with pip install 'moto[server]',"
                + " name another engine with -D" + COMMAND_PROPERTY + "=..., or set jynamo.endpoint=http://host:port", last);
    }

    private static boolean awaitReady(Process p, URI endpoint) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status > 0) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        return false;
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    private static List<String> command() {
        String configured = System.getProperty(COMMAND_PROPERTY, System.getenv("JYNAMO_LOCAL_COMMAND"));
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, "moto_server");
                if (f.canExecute()) {
                    return List.of(f.getAbsolutePath());
                }
            }
        }
        return List.of("python3", "-m", "moto.server");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port for the local engine", e);
        }
    }

    @Override
    public String toString() {
        return "LocalDynamo[" + endpoint + ", log " + log + "]";
    }
}
