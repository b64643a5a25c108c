package dev.kplan.provider.aws;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * IAM is eventually consistent: a role or policy just created may be unknown for some seconds to the
 * next call (NoSuchEntity), and a policy naming a new role is refused as an invalid principal (IAM's
 * MalformedPolicyDocument, S3's MalformedPolicy). Such calls are retried with growing pauses, up to two
 * minutes as Terraform's AWS provider does; every other error is thrown at once.
 */
final class Propagation {
  private Propagation() {}

  static final long TIMEOUT_MILLIS = 120_000;
  private static final Set<String> TRANSIENT = Set.of("NoSuchEntity", "MalformedPolicyDocument", "MalformedPolicy");

  static <T> T retry(Supplier<T> call) {
    long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
    long pause = 250;
    while (true) {
      try {
        return call.get();
      } catch (SdkException e) {
        String code = AwsErrors.code(e);
        if (code == null || !TRANSIENT.contains(code) || System.nanoTime() + pause * 1_000_000L > deadline) {
          throw e;
        }
        if (code.startsWith("MalformedPolicy") && (e.getMessage() == null
            || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("principal"))) {
          throw e; // a real syntax error, not a principal that is not visible yet
        }
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for IAM", ie);
      }
      pause = Math.min(pause * 2, 5_000);
    }
  }

  static void run(Runnable call) {
    retry(() -> {
      call.run();
      return null;
    });
  }
}
