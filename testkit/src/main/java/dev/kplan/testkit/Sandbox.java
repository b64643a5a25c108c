package dev.kplan.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import static java.util.Objects.requireNonNull;

/**
 * A running sandbox as tests see it: a fabric8 client for its kube-apiserver, AWS SDK v2 client builders pointed at
 * moto, and the PostgreSQL JDBC URL. One per test class; closing it closes the Kubernetes client.
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxLocation location;
    private final SandboxEnv env;
    private KubernetesClient kubernetes;
    private KubernetesClient secondKubernetes;

    public Sandbox(SandboxLocation location, SandboxEnv env) {
        this.location = requireNonNull(location, "location is null");
        this.env = requireNonNull(env, "env is null");
    }

    public SandboxEnv env() {
        return env;
    }

    public SandboxLocation location() {
        return location;
    }

    /** A client for the sandbox's kube-apiserver as {@code system:masters}, shared by the test class. */
    public synchronized KubernetesClient kubernetesClient() {
        if (kubernetes == null) {
            kubernetes = newKubernetesClient();
        }
        return kubernetes;
    }

    /** A new client of its own (for example to watch on a separate connection); the caller closes it. */
    public KubernetesClient newKubernetesClient() {
        return clientOf(env.kubeconfig());
    }

    private static KubernetesClient clientOf(java.nio.file.Path kubeconfig) {
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the sandbox kubeconfig " + kubeconfig, e);
        }
    }

    /**
     * A client for the second cluster's kube-apiserver ({@code ./kplan sandbox up --clusters 2}, required with
     * {@link SandboxService#SECOND_KUBERNETES}), shared by the test class. That cluster has no controllers: a
     * namespace deleted there stays Terminating, and nothing makes pods or ServiceAccounts.
     */
    public synchronized KubernetesClient secondKubernetesClient() {
        if (secondKubernetes == null) {
            secondKubernetes = clientOf(env.secondKubeconfig());
        }
        return secondKubernetes;
    }

    /** The audit log of the first cluster, to count the writes a command sends. */
    public AuditLog auditLog() {
        return new AuditLog(env.auditLog(), kubernetesClient());
    }

    /** The audit log of the second cluster. */
    public AuditLog secondAuditLog() {
        return new AuditLog(env.secondAuditLog(), secondKubernetesClient());
    }

    /**
     * Points any synchronous AWS SDK v2 client builder at moto: endpoint, region, static credentials and the Apache
     * HTTP client. Callers add service specifics and {@code build()}.
     */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B aws(B builder) {
        return builder
                .endpointOverride(env.awsEndpoint())
                .region(Region.of(env.awsRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.awsAccessKeyId(), env.awsSecretAccessKey())))
                .httpClientBuilder(Apache5HttpClient.builder());
    }

    /** S3 with path-style addressing: moto on 127.0.0.1 has no per-bucket host names. */
    public S3ClientBuilder s3() {
        return aws(S3Client.builder()).forcePathStyle(true);
    }

    public Ec2ClientBuilder ec2() {
        return aws(Ec2Client.builder());
    }

    public IamClientBuilder iam() {
        return aws(IamClient.builder());
    }

    public SqsClientBuilder sqs() {
        return aws(SqsClient.builder());
    }

    /** Empties moto's account (all services, all regions): for test classes that need a clean account. */
    public void resetAws() {
        URI reset = env.awsEndpoint().resolve("/moto-api/reset");
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(reset).timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reset moto at " + reset + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }

    /** The JDBC URL of the sandbox's {@code kplan} database, user and password included. */
    public String postgresUrl() {
        return env.postgresUrl().orElseThrow(() -> new IllegalStateException(
                "the sandbox runs without PostgreSQL: start it with `./kplan sandbox up --with-postgres`"));
    }

    public Connection openPostgresConnection() throws SQLException {
        return DriverManager.getConnection(postgresUrl());
    }

    @Override
    public synchronized void close() {
        if (kubernetes != null) {
            kubernetes.close();
            kubernetes = null;
        }
        if (secondKubernetes != null) {
            secondKubernetes.close();
            secondKubernetes = null;
        }
    }
}
