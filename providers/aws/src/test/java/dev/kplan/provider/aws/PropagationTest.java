package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Which IAM answers mean "not visible yet" and are retried, and which fail at once. */
class PropagationTest {
  static AwsServiceException error(String code, String message) {
    return AwsServiceException.builder().message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }

  @Test
  void anEntityNotYetVisibleIsRetriedUntilItIs() {
    AtomicInteger calls = new AtomicInteger();
    String r = Propagation.retry(() -> {
      if (calls.incrementAndGet() < 3) {
        throw error("NoSuchEntity", "The role with name app cannot be found.");
      }
      return "attached";
    });
    assertEquals("attached", r);
    assertEquals(3, calls.get());
  }

  @Test
  void aPolicyNamingANewRoleIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    Propagation.run(() -> {
      if (calls.incrementAndGet() <= 2) {
        throw error(calls.get() == 1 ? "MalformedPolicyDocument" : "MalformedPolicy",
            "Invalid principal in policy: \"AWS\":\"arn:aws:iam::1:role/new\"");
      }
    });
    assertEquals(3, calls.get(), "IAM's and S3's answers alike");
  }

  @Test
  void otherErrorsFailAtOnce() {
    for (AwsServiceException e : new AwsServiceException[] {
        error("MalformedPolicyDocument", "Syntax errors in policy."), error("EntityAlreadyExists", "exists"),
        error("AccessDenied", "no")}) {
      AtomicInteger calls = new AtomicInteger();
      AwsServiceException thrown = assertThrows(AwsServiceException.class, () -> Propagation.run(() -> {
        calls.incrementAndGet();
        throw e;
      }));
      assertSame(e, thrown);
      assertEquals(1, calls.get(), e.awsErrorDetails().errorCode());
    }
  }
}
