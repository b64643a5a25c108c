package dev.kplan.testkit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's Kubernetes is a real control plane: server-side apply, managedFields, defaults, CRDs, rollouts. */
@KplanSandbox(SandboxService.KUBERNETES)
class KubernetesSandboxIT {

    private static final String MANAGER = "kplan";
    private static final String CRD_GROUP = "sandbox.kplan.dev";
    private static String namespace;

    @BeforeAll
    static void createNamespace(KubernetesClient client) {
        namespace = "kplan-it-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .create();
    }

    @AfterAll
    static void deleteNamespace(KubernetesClient client) {
        client.namespaces().withName(namespace).delete();
    }

    @Test
    void serverSideApplyRecordsKplanAsFieldManager(KubernetesClient client) {
        Deployment applied = apply(client, deployment("ssa", 2));

        ManagedFieldsEntry entry = managedBy(applied, MANAGER).orElseThrow();
        assertEquals("Apply", entry.getOperation());
        assertTrue(fields(entry).contains("f:replicas"), "kplan owns spec.replicas: " + fields(entry));
        assertNotNull(entry.getTime());
    }

    @Test
    void updateByAnotherManagerTakesOverReplicasAndRecordsWhen(KubernetesClient client) throws InterruptedException {
        Deployment applied = apply(client, deployment("edited", 1));
        Instant appliedAt = Instant.parse(managedBy(applied, MANAGER).orElseThrow().getTime());
        TimeUnit.MILLISECONDS.sleep(1100); // managedFields times have second precision

        Deployment edited = client.apps().deployments().inNamespace(namespace).withName("edited").patch(
                new PatchContext.Builder().withPatchType(PatchType.STRATEGIC_MERGE).withFieldManager("kubectl-edit").build(),
                "{\"spec\":{\"replicas\":3}}");

        assertEquals(3, edited.getSpec().getReplicas());
        ManagedFieldsEntry editor = managedBy(edited, "kubectl-edit").orElseThrow();
        assertEquals("Update", editor.getOperation());
        assertTrue(fields(editor).contains("f:replicas"), "kubectl-edit owns spec.replicas: " + fields(editor));
        assertTrue(Instant.parse(editor.getTime()).isAfter(appliedAt), "the edit is later than the apply");
        assertFalse(fields(managedBy(edited, MANAGER).orElseThrow()).contains("f:replicas"),
                "kplan no longer owns spec.replicas");
    }

    @Test
    void dryRunApplyReturnsServerDefaultsWithoutPersisting(KubernetesClient client) {
        Deployment planned = client.apps().deployments().inNamespace(namespace).resource(deployment("planned", 1))
                .dryRun().fieldManager(MANAGER).forceConflicts().serverSideApply();

        assertEquals("RollingUpdate", planned.getSpec().getStrategy().getType());
        assertEquals(10, planned.getSpec().getRevisionHistoryLimit());
        assertEquals("/dev/termination-log",
                planned.getSpec().getTemplate().getSpec().getContainers().get(0).getTerminationMessagePath());
        assertNull(client.apps().deployments().inNamespace(namespace).withName("planned").get(), "dry run persisted nothing");
    }

    @Test
    void customResourceOfAnEstablishedCrdCanBeApplied(KubernetesClient client) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().resource(widgetCrd())
                .fieldManager(MANAGER).forceConflicts().serverSideApply();
        try {
            client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                    .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
                            .anyMatch(k -> k.getType().equals("Established") && k.getStatus().equals("True")),
                            30, TimeUnit.SECONDS);
            ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder()
                    .withGroup(CRD_GROUP).withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true)
                    .build();
            GenericKubernetesResource widget = new GenericKubernetesResourceBuilder()
                    .withApiVersion(CRD_GROUP + "/v1").withKind("Widget")
                    .withNewMetadata().withName("w1").withNamespace(namespace).endMetadata()
                    .addToAdditionalProperties("spec", Map.of("size", 3))
                    .build();

            GenericKubernetesResource applied = client.genericKubernetesResources(widgets).inNamespace(namespace)
                    .resource(widget).fieldManager(MANAGER).forceConflicts().serverSideApply();

            assertEquals(Map.of("size", 3), applied.getAdditionalProperties().get("spec"));
            assertTrue(managedBy(applied, MANAGER).isPresent());
            assertNotNull(client.genericKubernetesResources(widgets).inNamespace(namespace).withName("w1").get());
        } finally {
            client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).delete();
        }
    }

    @Test
    void deploymentRollsOutOnKwokNodes(KubernetesClient client) {
        List<Node> nodes = client.nodes().withLabel("type", "kwok").list().getItems();
        assertFalse(nodes.isEmpty(), "the sandbox has kwok nodes");

        apply(client, deployment("rollout", 3));
        Deployment done = client.apps().deployments().inNamespace(namespace).withName("rollout").waitUntilCondition(
                d -> d != null && d.getStatus() != null && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas()),
                90, TimeUnit.SECONDS);

        assertEquals(done.getSpec().getReplicas(), done.getStatus().getAvailableReplicas());
        List<Pod> pods = client.pods().inNamespace(namespace).withLabel("app", "rollout").list().getItems();
        assertEquals(3, pods.size());
        for (Pod pod : pods) {
            assertEquals("Running", pod.getStatus().getPhase());
            assertTrue(pod.getSpec().getNodeName().startsWith("kwok-node-"), pod.getSpec().getNodeName());
            assertTrue(pod.getStatus().getConditions().stream()
                    .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
        }
    }

    @Test
    void watchSeesAddedAndModifiedEvents(Sandbox sandbox) throws InterruptedException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (KubernetesClient watching = sandbox.newKubernetesClient()) {
            Watch watch = watching.apps().deployments().inNamespace(namespace).withName("watched").watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Deployment d) {
                    events.add(action + " replicas=" + d.getSpec().getReplicas());
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
            try {
                KubernetesClient client = sandbox.kubernetesClient();
                apply(client, deployment("watched", 1));
                apply(client, deployment("watched", 2));

                List<String> seen = new ArrayList<>();
                while (!seen.contains("MODIFIED replicas=2")) {
                    String event = events.poll(20, TimeUnit.SECONDS);
                    assertNotNull(event, "a MODIFIED event with replicas=2 arrives; seen so far: " + seen);
                    seen.add(event);
                }
                assertTrue(seen.get(0).startsWith("ADDED"), "the first event is ADDED: " + seen);
            } finally {
                watch.close();
            }
        }
    }

    private static Deployment apply(KubernetesClient client, Deployment d) {
        return client.apps().deployments().inNamespace(namespace).resource(d)
                .fieldManager(MANAGER).forceConflicts().serverSideApply();
    }

    private static Deployment deployment(String name, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate()
                .withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("kplan-demo/web:1.0").endContainer().endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static CustomResourceDefinition widgetCrd() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets." + CRD_GROUP).endMetadata()
                .withNewSpec()
                .withGroup(CRD_GROUP).withScope("Namespaced")
                .withNewNames().withKind("Widget").withPlural("widgets").withSingular("widget").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .addToProperties("spec", new JSONSchemaPropsBuilder()
                        .withType("object")
                        .addToProperties("size", new JSONSchemaPropsBuilder()
                                .withType("integer").build())
                        .build())
                .endOpenAPIV3Schema().endSchema()
                .endVersion()
                .endSpec()
                .build();
    }

    private static Optional<ManagedFieldsEntry> managedBy(HasMetadata o, String manager) {
        return o.getMetadata().getManagedFields().stream().filter(e -> manager.equals(e.getManager())).findFirst();
    }

    private static String fields(ManagedFieldsEntry entry) {
        return String.valueOf(entry.getFieldsV1().getAdditionalProperties());
    }
}
