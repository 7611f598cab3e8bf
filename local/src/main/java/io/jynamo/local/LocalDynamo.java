package io.jynamo.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB-compatible engine on a loopback port, started on demand and shared by the whole JVM:
 * what {@code jynamo.endpoint=embedded} and the JUnit extension use.
 *
 * <p>The engine is <a href="https://github.com/getmoto/moto">moto</a>'s server (Apache 2.0), which
 * implements the DynamoDB API including expressions, batches and transactions, and validates
 * requests. Jynamo runs it as a child process through a small launcher of its own that applies
 * requests one at a time (so conditional writes are atomic) and stops the engine when the JVM is
 * gone, however the JVM ended. The launcher runs under the Python of {@code moto_server} on the
 * {@code PATH}, else {@code python3}, else {@code python}. The system property or environment
 * variable {@value #COMMAND_PROPERTY} / {@code JYNAMO_LOCAL_COMMAND} names another engine command
 * instead (its arguments separated by spaces; {@code -H host -p port} are appended), which then
 * gets neither guarantee from Jynamo.
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
    private static final int BATCH_WRITE_LIMIT = 25;
    private static LocalDynamo shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    /** Tables live per region in the engine: those clients were made for are the ones to empty. */
    private final Set<String> regions = ConcurrentHashMap.newKeySet();

    private LocalDynamo(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        regions.add("us-east-1");
    }

    /** The engine of this JVM, started on the first call. */
    public static synchronized LocalDynamo shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(candidates());
            Runtime.getRuntime().addShutdownHook(stopHook(shared));
        }
        return shared;
    }

    /**
     * The thread that stops the engine when the JVM exits. It belongs to the system thread group:
     * a hook thread inherits the caller's group, and a launcher such as {@code mvn exec:java} destroys
     * the group of the application's threads when {@code main} returns, after which the hook could
     * not start and the engine would be left running.
     */
    static Thread stopHook(LocalDynamo engine) {
        ThreadGroup system = Thread.currentThread().getThreadGroup();
        while (system.getParent() != null) {
            system = system.getParent();
        }
        Thread hook = new Thread(system, engine::stop, "jynamo-local-stop");
        hook.setContextClassLoader(null);
        return hook;
    }

    /** Where the engine listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The engine's process id. */
    long pid() {
        return process.pid();
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
        regions.add(region);
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region)).overrideConfiguration(override)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Credentials for the engine: those of the environment or system properties when set, else dummy
     * ones (the engine accepts any). The SDK's default chain is not used because it would probe the
     * instance metadata service.
     */
    private static AwsCredentialsProvider credentials() {
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

    /**
     * Deletes every item of every table, and keeps the tables: factories created earlier, whose
     * schema generation ran once, go on working. Covers the regions this engine made clients for.
     *
     * <pre>{@code
     * LocalDynamo.shared().emptyTables();   // what JynamoLocalExtension does before each test class
     * }</pre>
     */
    public void emptyTables() {
        for (String region : List.copyOf(regions)) {
            try (DynamoDbClient client = newClient(region)) {
                for (String table : client.listTablesPaginator(b -> { }).tableNames()) {
                    empty(client, table);
                }
            }
        }
    }

    private static void empty(DynamoDbClient client, String table) {
        List<KeySchemaElement> keySchema = client.describeTable(b -> b.tableName(table)).table().keySchema();
        Map<String, String> names = new HashMap<>();
        List<String> projection = new ArrayList<>();
        for (KeySchemaElement k : keySchema) {
            names.put("#k" + names.size(), k.attributeName());
            projection.add("#k" + (names.size() - 1));
        }
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName(table).projectionExpression(String.join(", ", projection))
                    .expressionAttributeNames(names).exclusiveStartKey(from));
            List<WriteRequest> deletes = new ArrayList<>();
            for (Map<String, AttributeValue> key : page.items()) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
            }
            for (int i = 0; i < deletes.size(); i += BATCH_WRITE_LIMIT) {
                Map<String, List<WriteRequest>> batch = Map.of(table,
                        deletes.subList(i, Math.min(i + BATCH_WRITE_LIMIT, deletes.size())));
                while (!batch.isEmpty()) {
                    Map<String, List<WriteRequest>> request = batch;
                    BatchWriteItemResponse r = client.batchWriteItem(b -> b.requestItems(request));
                    batch = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** Deletes every table and item of the engine, in every region. */
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
        // The command may be a wrapper (a pyenv shim, say) whose child is the engine: stop them all.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline && all.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Starts an engine: the first of the candidate commands that runs (Jynamo appends the host and
     * port arguments).
     */
    static LocalDynamo start(List<Command> candidates) {
        List<String> failures = new ArrayList<>();
        for (Command command : candidates) {
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                List<String> full = new ArrayList<>(command.words());
                full.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
                String shown = command.shown() + " -H 127.0.0.1 -p " + port;
                Path log = null;
                try {
                    log = Files.createTempFile("jynamo-local-", ".log");
                    log.toFile().deleteOnExit();
                    // Standard input stays a pipe from this JVM: the launcher stops when it closes.
                    Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                    URI endpoint = URI.create("http://127.0.0.1:" + port);
                    LOG.log(System.Logger.Level.INFO, () -> "Starting local DynamoDB engine: " + shown);
                    if (awaitReady(p, endpoint)) {
                        LOG.log(System.Logger.Level.INFO, () -> "Local DynamoDB engine ready at " + endpoint);
                        return new LocalDynamo(p, endpoint, log);
                    }
                    boolean exited = !p.isAlive();
                    p.destroyForcibly();
                    failures.add(shown + (exited ? " exited" : " did not answer within " + START_TIMEOUT.toSeconds() + " s")
                            + "; its output: " + tail(log).strip());
                    if (exited && !tail(log).contains("Address already in use")) {
                        break;  // another port would not help: try the next command
                    }
                } catch (IOException e) {
                    failures.add(shown + ": " + e.getMessage());
                    break;
                }
            }
        }
        throw new IllegalStateException("Cannot start the local DynamoDB engine. Tried: " + String.join("; ", failures)
                + ". Install it with pip install 'moto[server]', name another engine with -D" + COMMAND_PROPERTY
                + "=..., or set jynamo.endpoint=http://host:port");
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

    /**
     * The commands to try, in order: the configured one alone, else Jynamo's launcher of moto's
     * server under the Python of {@code moto_server} on the {@code PATH}, then {@code python3}, then
     * {@code python}.
     */
    static List<Command> candidates() {
        String configured = System.getProperty(COMMAND_PROPERTY, System.getenv("JYNAMO_LOCAL_COMMAND"));
        if (configured != null && !configured.isBlank()) {
            List<String> words = List.of(configured.trim().split("\\s+"));
            return List.of(new Command(words, String.join(" ", words)));
        }
        Set<String> pythons = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, "moto_server");
                if (f.canExecute()) {
                    pythonOf(f.toPath()).ifPresent(pythons::add);
                    break;
                }
            }
        }
        pythons.add("python3");
        pythons.add("python");
        String launcher = launcherSource();
        List<Command> commands = new ArrayList<>();
        for (String python : pythons) {
            commands.add(new Command(List.of(python, "-c", launcher), python + " -c <jynamo-local engine.py>"));
        }
        return commands;
    }

    /** The interpreter a pip-installed script names on its first line, as in {@code #!/opt/venv/bin/python3}. */
    private static Optional<String> pythonOf(Path script) {
        try (BufferedReader r = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = r.readLine();
            if (first == null || !first.startsWith("#!")) {
                return Optional.empty();
            }
            String[] words = first.substring(2).trim().split("\\s+");
            if (words.length == 1 && words[0].contains("python")) {
                return Optional.of(words[0]);
            }
            if (words.length == 2 && words[0].endsWith("/env") && words[1].contains("python")) {
                return Optional.of(words[1]);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String launcherSource() {
        try (InputStream in = LocalDynamo.class.getResourceAsStream("engine.py")) {
            if (in == null) {
                throw new IllegalStateException("jynamo-local is missing its resource io/jynamo/local/engine.py; rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read jynamo-local's io/jynamo/local/engine.py: " + e.getMessage(), e);
        }
    }

    /**
     * A command that starts an engine.
     *
     * @param words the program and its arguments
     * @param shown how logs and errors show it
     */
    record Command(List<String> words, String shown) {
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
