package dev.kplan.testkit;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static java.util.Objects.requireNonNull;

/**
 * The audit log of one sandbox kube-apiserver, which records every write (create, update, patch, delete) that the
 * sandbox's admin user sends: kplan's provider and the tests' clients. Tests count kplan's API writes with it:
 * {@link #mark()} before a command, {@link #writesSince(long)} after it.
 */
public final class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long WAIT_MILLIS = 30_000;

    private final Path file;
    private final KubernetesClient client;

    public AuditLog(Path file, KubernetesClient client) {
        this.file = requireNonNull(file, "file is null");
        this.client = requireNonNull(client, "client is null");
    }

    public Path file() {
        return file;
    }

    /** The current end of the log. */
    public long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The writes logged after {@code mark}, in log order. An event may reach the log just after its response
     * reaches the client, so this first sends a write of its own (a dry-run create of a ConfigMap with a unique
     * name, which changes nothing) and reads up to its event: every request answered before it is in the log then.
     * Its own event is left out.
     */
    public List<Event> writesSince(long mark) {
        String sentinel = "kplan-audit-sentinel-" + UUID.randomUUID().toString().substring(0, 8);
        client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                .withName(sentinel).endMetadata().build()).dryRun().create();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            List<Event> events = new ArrayList<>();
            for (String line : linesAfter(mark)) {
                Event e = Event.parse(line);
                if (sentinel.equals(e.name())) {
                    return events;
                }
                events.add(e);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the audit event of " + sentinel + " never reached " + file);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + file, e);
            }
        }
    }

    private List<String> linesAfter(long mark) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            if (end < mark) {
                throw new IllegalStateException(file + " was rotated or truncated since the mark");
            }
            byte[] bytes = new byte[(int) (end - mark)];
            raf.seek(mark);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n');
            List<String> lines = new ArrayList<>();
            for (String line : (complete < 0 ? "" : text.substring(0, complete)).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One audited request: {@code verb} as Kubernetes names it (create, patch, update, delete, …). */
    public record Event(String verb, String requestUri, String namespace, String resource, String name,
            String userAgent, int code) {

        static Event parse(String line) {
            JsonNode n = JSON.readTree(line);
            JsonNode ref = n.path("objectRef");
            return new Event(n.path("verb").asString(""), n.path("requestURI").asString(""),
                    ref.path("namespace").asString(""), ref.path("resource").asString(""), ref.path("name").asString(""),
                    n.path("userAgent").asString(""), n.path("responseStatus").path("code").asInt(0));
        }

        /** A server dry run (a plan's request) changes nothing. */
        public boolean dryRun() {
            return requestUri.contains("dryRun=All");
        }

        @Override
        public String toString() {
            return verb + " " + requestUri + " -> " + code;
        }
    }
}
