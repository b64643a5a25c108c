package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostic;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into diagnostics that say what kplan was doing and what the user can do about it. */
final class AwsErrors {
  private AwsErrors() {}

  private static final Set<String> BAD_CREDENTIALS = Set.of(
      "InvalidClientTokenId", "SignatureDoesNotMatch", "AuthFailure", "UnrecognizedClientException",
      "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "AccessDenied");

  /** {@code doing}: e.g. "creating aws_vpc.main"; {@code endpoint}: where the request went. */
  static Diagnostic diagnostic(String doing, SdkException e, String endpoint) {
    if (e instanceof AwsServiceException se && se.awsErrorDetails() != null) {
      String code = se.awsErrorDetails().errorCode();
      String message = se.awsErrorDetails().errorMessage();
      String detail = "AWS answered " + code + " (HTTP " + se.statusCode() + ") while " + doing + ": " + message
          + (se.requestId() == null ? "" : " (request id " + se.requestId() + ")");
      if (code != null && BAD_CREDENTIALS.contains(code)) {
        return Diagnostic.error("AWS rejected the credentials", detail
            + ".\n\nCheck access_key/secret_key, profile, the shared credentials files or AWS_ACCESS_KEY_ID.", null);
      }
      return Diagnostic.error("AWS request failed", detail, null);
    }
    Throwable root = rootCause(e);
    if (root instanceof ConnectException || root instanceof UnknownHostException
        || root instanceof java.net.http.HttpConnectTimeoutException || root instanceof java.net.SocketTimeoutException) {
      return Diagnostic.error("Cannot reach AWS",
          "kplan could not connect to " + endpoint + " while " + doing + ": " + root.getMessage()
              + ".\n\nCheck the network, the region, and any endpoints { … } override or AWS_ENDPOINT_URL.", null);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("credentials") || message.contains("Profile file")) {
      return Diagnostic.error("No valid AWS credentials",
          "kplan found no usable credentials while " + doing + ": " + firstLine(message)
              + "\n\nSet access_key/secret_key or profile in the provider block, or AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, or a default profile in ~/.aws/credentials.", null);
    }
    return Diagnostic.error("AWS request failed", "Error while " + doing + " at " + endpoint + ": " + firstLine(message), null);
  }

  /** True when the service says the object does not exist. */
  static boolean notFound(SdkException e) {
    if (e instanceof AwsServiceException se) {
      if (se.statusCode() == 404) {
        return true;
      }
      String code = se.awsErrorDetails() == null ? null : se.awsErrorDetails().errorCode();
      return code != null && (code.endsWith(".NotFound") || code.equals("NoSuchBucket")
          || code.contains("NonExistentQueue") || code.equals("QueueDoesNotExist")
          || code.equals("NoSuchEntity") || code.equals("NotFound") || code.equals("ResourceNotFoundException")
          || code.equals("NoSuchHostedZone"));
    }
    return false;
  }

  /** The AWS error code of a service error, else null. */
  static String code(SdkException e) {
    return e instanceof AwsServiceException se && se.awsErrorDetails() != null ? se.awsErrorDetails().errorCode() : null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cur = t;
    while (cur.getCause() != null && cur.getCause() != cur) {
      cur = cur.getCause();
    }
    return cur;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
