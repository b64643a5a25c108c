package dev.kplan.testkit;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code scripts/sandbox up --clusters 2}: a second, separate cluster, reachable by its context, with an audit log. */
@KplanSandbox({SandboxService.KUBERNETES, SandboxService.SECOND_KUBERNETES})
class SecondClusterSandboxIT {

    @Test
    void anObjectCreatedInTheSecondClusterIsNotInTheFirst(Sandbox sandbox, KubernetesClient first) {
        KubernetesClient second = sandbox.secondKubernetesClient();
        assertNotEquals(first.getMasterUrl(), second.getMasterUrl());
        String name = "only-in-two-" + UUID.randomUUID().toString().substring(0, 8);
        second.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .endMetadata().addToData("cluster", "2").build()).create();
        try {
            assertNotNull(second.configMaps().inNamespace("default").withName(name).get());
            assertNull(first.configMaps().inNamespace("default").withName(name).get());
        } finally {
            second.configMaps().inNamespace("default").withName(name).delete();
        }
    }

    @Test
    void theAdminKubeconfigNamesTheSecondClusterAsAContext(Sandbox sandbox) throws Exception {
        String kubeconfig = Files.readString(sandbox.env().kubeconfig());
        Config viaContext = Config.fromKubeconfig(sandbox.env().secondContext(), kubeconfig, null);
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(viaContext).build()) {
            assertEquals(sandbox.secondKubernetesClient().getMasterUrl(), client.getMasterUrl());
            assertNotNull(client.getKubernetesVersion().getGitVersion());
        }
    }

    @Test
    void theAuditLogCountsTheWritesOfACommandAndNotItsReads(Sandbox sandbox) {
        KubernetesClient second = sandbox.secondKubernetesClient();
        AuditLog audit = sandbox.secondAuditLog();
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        long mark = audit.mark();
        second.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .endMetadata().build()).create();
        second.configMaps().inNamespace("default").withName(name).get();
        second.configMaps().inNamespace("default").withName(name).delete();
        List<AuditLog.Event> writes = audit.writesSince(mark);
        assertEquals(List.of("create " + name, "delete " + name),
                writes.stream().map(e -> e.verb() + " " + e.name()).toList());
        assertEquals(List.of(), audit.writesSince(audit.mark()));
    }
}
