package dev.kplan.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.engine.addrs.ResourceAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress lines, worded as Terraform prints them. */
class ApplyEventTest {
  private static final ResourceAddress CFG = ResourceAddress.parse("local_file.cfg[\"a\"]").value();

  @Test
  void progressLinesCarryTheElapsedTimeAndTheId() {
    assertEquals("local_file.cfg[\"a\"]: Creating...", new ApplyEvent.Started(CFG, ApplyEvent.Kind.CREATE, null).message());
    assertEquals("local_file.cfg[\"a\"]: Still creating... [3s elapsed]",
        new ApplyEvent.StillRunning(CFG, ApplyEvent.Kind.CREATE, null, Duration.ofMillis(3400)).message());
    assertEquals("local_file.cfg[\"a\"]: Creation complete after 12s [id=abc]",
        new ApplyEvent.Completed(CFG, ApplyEvent.Kind.CREATE, "abc", Duration.ofSeconds(12)).message());
    assertEquals("local_file.cfg[\"a\"]: Modifying... [id=abc]",
        new ApplyEvent.Started(CFG, ApplyEvent.Kind.UPDATE, "abc").message());
    assertEquals("local_file.cfg[\"a\"]: Still modifying... [id=abc, 20s elapsed]",
        new ApplyEvent.StillRunning(CFG, ApplyEvent.Kind.UPDATE, "abc", Duration.ofSeconds(20)).message());
    assertEquals("local_file.cfg[\"a\"]: Still destroying... [id=abc, 10s elapsed]",
        new ApplyEvent.StillRunning(CFG, ApplyEvent.Kind.DELETE, "abc", Duration.ofSeconds(10)).message());
    assertEquals("local_file.cfg[\"a\"]: Destruction complete after 1s",
        new ApplyEvent.Completed(CFG, ApplyEvent.Kind.DELETE, "abc", Duration.ofSeconds(1)).message());
  }
}
