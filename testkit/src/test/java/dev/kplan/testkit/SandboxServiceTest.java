package dev.kplan.testkit;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SandboxServiceTest {

    @Test
    void theStartCommandAsksForEveryOptionalServiceNeeded() {
        assertEquals("./kplan sandbox up", SandboxService.startCommand(EnumSet.of(SandboxService.KUBERNETES)));
        assertEquals("./kplan sandbox up --with-postgres --clusters 2", SandboxService.startCommand(
                EnumSet.of(SandboxService.POSTGRES, SandboxService.SECOND_KUBERNETES)));
        assertEquals("./kplan sandbox up --clusters 2",
                SandboxService.startCommand(EnumSet.of(SandboxService.AWS, SandboxService.SECOND_KUBERNETES)));
    }
}
