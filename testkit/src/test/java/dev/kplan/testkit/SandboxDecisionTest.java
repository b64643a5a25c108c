package dev.kplan.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxDecisionTest {

    @Test
    void aMissingSandboxFailsInCiAndIsSkippedElsewhere() {
        Optional<String> missing = Optional.of("not running");

        assertEquals(SandboxDecision.FAIL, SandboxDecision.decide(missing, true));
        assertEquals(SandboxDecision.SKIP, SandboxDecision.decide(missing, false));
        assertEquals(SandboxDecision.RUN, SandboxDecision.decide(Optional.empty(), true));
    }

    @Test
    void ciIsAnyValueButEmptyFalseOrZero() {
        assertTrue(SandboxDecision.inCi("true"));
        assertTrue(SandboxDecision.inCi("1"));
        assertFalse(SandboxDecision.inCi(null));
        assertFalse(SandboxDecision.inCi(""));
        assertFalse(SandboxDecision.inCi("false"));
        assertFalse(SandboxDecision.inCi("0"));
    }

    @Test
    void withoutAnEnvFileTheReasonSaysHowToStartTheSandbox(@TempDir Path dir) {
        SandboxLocation location = new SandboxLocation(dir.resolve(".kplan-sandbox"));

        assertEquals(Optional.of("the kplan sandbox is not running (no " + location.envFile()
                        + "): start it with `./kplan sandbox up --with-postgres`"),
                location.whyUnavailable(EnumSet.of(SandboxService.POSTGRES)));
    }

    @Test
    void aDeadPidMeansTheServiceIsNotRunning(@TempDir Path dir) throws Exception {
        Path sb = dir.resolve(".kplan-sandbox");
        Files.createDirectories(sb.resolve("pids"));
        Files.writeString(sb.resolve("env"), "KUBECONFIG='x'\n");
        Files.writeString(sb.resolve("pids/kube-apiserver.pid"), ProcessHandle.current().pid() + " java\n");
        Files.writeString(sb.resolve("pids/moto.pid"), "999999999 moto_server\n");
        SandboxLocation location = new SandboxLocation(sb);

        assertTrue(location.running(SandboxService.KUBERNETES));
        assertFalse(location.running(SandboxService.AWS));
        assertTrue(location.whyUnavailable(EnumSet.of(SandboxService.AWS)).orElseThrow().contains("no running moto"));
    }
}
