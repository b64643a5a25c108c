package dev.kplan.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The variables of {@code .kplan-sandbox/env}: {@code KEY='value'} lines as {@code scripts/sandbox up} writes them
 * (also accepted: an {@code export } prefix, double or no quotes, {@code #} comments).
 */
public record SandboxEnv(Map<String, String> values) {

    public static final String KUBECONFIG = "KUBECONFIG";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_REGION = "AWS_REGION";
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String AUDIT_LOG = "KPLAN_SANDBOX_AUDIT_LOG";
    public static final String KUBECONFIG_2 = "KPLAN_SANDBOX_KUBECONFIG_2";
    public static final String CONTEXT_2 = "KPLAN_SANDBOX_CONTEXT_2";
    public static final String AUDIT_LOG_2 = "KPLAN_SANDBOX_AUDIT_LOG_2";
    public static final String PG_URL = "KPLAN_TEST_PG_URL";
    public static final String PG_USER = "KPLAN_TEST_PG_USER";
    public static final String PG_PASSWORD = "KPLAN_TEST_PG_PASSWORD";

    public SandboxEnv {
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    public static SandboxEnv read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static SandboxEnv parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return new SandboxEnv(values);
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(
                "the sandbox env file has no " + key + ": restart it with ./kplan sandbox down && ./kplan sandbox up"));
    }

    public Path kubeconfig() {
        return Path.of(require(KUBECONFIG));
    }

    /** The second cluster's own kubeconfig (started with {@code --clusters 2}); its only context is {@link #secondContext()}. */
    public Path secondKubeconfig() {
        return Path.of(require(KUBECONFIG_2));
    }

    /** The second cluster's context, also present in {@link #kubeconfig()} beside the first cluster's. */
    public String secondContext() {
        return require(CONTEXT_2);
    }

    /** The audit log of the first cluster's kube-apiserver: the admin user's writes. */
    public Path auditLog() {
        return Path.of(require(AUDIT_LOG));
    }

    public Path secondAuditLog() {
        return Path.of(require(AUDIT_LOG_2));
    }

    public URI awsEndpoint() {
        return URI.create(require(AWS_ENDPOINT_URL));
    }

    public String awsRegion() {
        return require(AWS_REGION);
    }

    public String awsAccessKeyId() {
        return require(AWS_ACCESS_KEY_ID);
    }

    public String awsSecretAccessKey() {
        return require(AWS_SECRET_ACCESS_KEY);
    }

    /** The JDBC URL of the {@code kplan} database (user and password included), when started with PostgreSQL. */
    public Optional<String> postgresUrl() {
        return get(PG_URL);
    }
}
