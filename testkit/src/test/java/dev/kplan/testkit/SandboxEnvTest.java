package dev.kplan.testkit;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SandboxEnvTest {

    @Test
    void readsQuotedValuesAsTheSandboxWritesThem() {
        SandboxEnv env = SandboxEnv.parse("""
                # written by scripts/sandbox up
                KUBECONFIG='/p/.kplan-sandbox/kubeconfig'
                AWS_ENDPOINT_URL='http://127.0.0.1:4566'
                KPLAN_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5433/kplan?user=kplan&password=s3cret'
                """);

        assertEquals("/p/.kplan-sandbox/kubeconfig", env.kubeconfig().toString());
        assertEquals(URI.create("http://127.0.0.1:4566"), env.awsEndpoint());
        assertEquals(Optional.of("jdbc:postgresql://127.0.0.1:5433/kplan?user=kplan&password=s3cret"), env.postgresUrl());
    }

    @Test
    void acceptsExportPrefixesDoubleQuotesAndBareValues() {
        SandboxEnv env = SandboxEnv.parse("export AWS_REGION=\"eu-west-1\"\nAWS_ACCESS_KEY_ID=testing\n\nnot a variable\n");

        assertEquals("eu-west-1", env.awsRegion());
        assertEquals("testing", env.awsAccessKeyId());
    }

    @Test
    void aMissingVariableNamesItAndHowToRecover() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SandboxEnv.parse("").awsRegion());

        assertEquals("the sandbox env file has no AWS_REGION: restart it with ./kplan sandbox down && ./kplan sandbox up",
                e.getMessage());
    }
}
