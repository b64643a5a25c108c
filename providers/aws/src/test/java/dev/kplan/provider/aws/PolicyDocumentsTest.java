package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
  private static final String BASE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";

  /** Pairs that AWS treats as the same policy, each spelled differently. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      key order and whitespace | {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]} | {\\n  "Statement" : [ { "Resource":"arn:aws:s3:::b/*", "Action":"s3:GetObject", "Effect":"Allow" } ],\\n  "Version":"2012-10-17"\\n}
      single value vs list | {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}} | {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"]}]}
      action list order and repeats | {"Statement":[{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:GetObject"],"Resource":"*"}]}
      action name case | {"Statement":[{"Effect":"Allow","Action":"S3:getobject","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
      statement order | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"},{"Effect":"Deny","Action":"c:D","Resource":"*"}]} | {"Statement":[{"Effect":"Deny","Action":"c:D","Resource":"*"},{"Effect":"Allow","Action":"a:B","Resource":"*"}]}
      star principal vs AWS star | {"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"*"}]}
      account id vs root ARN | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]} | {"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root"]},"Action":"sts:AssumeRole"}]}
      service principal list | {"Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}]} | {"Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonaws.com"]},"Action":"sts:AssumeRole"}]}
      absent Version is 2008-10-17 | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]}
      empty Sid vs none | {"Statement":[{"Sid":"","Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]}
      empty Condition vs none | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*","Condition":{}}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]}
      condition bool vs text and key case | {"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}]} | {"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:securetransport":["false"]}}}]}
      condition values order | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["b","a"]}}}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["a","b"]}}}]}
      repeated statement | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"},{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]}
      """)
  void equivalentDocumentsAreEqual(String what, String a, String b) {
    String x = a.replace("\\n", "\n");
    String y = b.replace("\\n", "\n");
    assertTrue(PolicyDocuments.equivalent(x, y), what);
    assertTrue(PolicyDocuments.equivalent(y, x), what + " (both ways)");
    assertEquals(PolicyDocuments.canonical(x), PolicyDocuments.canonical(y), what);
  }

  /** Pairs that differ in meaning, however slightly. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      another action | {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}
      an extra action | {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}]}
      Allow vs Deny | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Deny","Action":"a:B","Resource":"*"}]}
      resource case | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"arn:aws:s3:::Bucket"}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"arn:aws:s3:::bucket"}]}
      Action vs NotAction | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","NotAction":"a:B","Resource":"*"}]}
      one account vs everyone | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"a:B"}]} | {"Statement":[{"Effect":"Allow","Principal":"*","Action":"a:B"}]}
      AWS vs Service principal | {"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"a:B"}]} | {"Statement":[{"Effect":"Allow","Principal":{"Service":"*"},"Action":"a:B"}]}
      another version | {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]}
      a condition | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}
      condition value | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*","Condition":{"StringEquals":{"k":"a"}}}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*","Condition":{"StringEquals":{"k":"A"}}}]}
      different Sid | {"Statement":[{"Sid":"One","Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Sid":"Two","Effect":"Allow","Action":"a:B","Resource":"*"}]}
      an extra statement | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"}]} | {"Statement":[{"Effect":"Allow","Action":"a:B","Resource":"*"},{"Effect":"Deny","Action":"a:B","Resource":"*"}]}
      """)
  void differentDocumentsDiffer(String what, String a, String b) {
    assertFalse(PolicyDocuments.equivalent(a, b), what);
    assertFalse(PolicyDocuments.equivalent(b, a), what + " (both ways)");
  }

  @Test
  void iamUrlEncodedDocumentsAreDecoded() {
    String encoded = URLEncoder.encode(BASE, StandardCharsets.UTF_8);
    assertTrue(PolicyDocuments.equivalent(BASE, encoded));
    assertEquals(BASE, PolicyDocuments.decode(encoded));
  }

  @Test
  void theStoredSpellingIsKeptWhenAwsAnswersTheSameDocument() {
    String aws = "{\"Statement\":[{\"Resource\":[\"arn:aws:s3:::b/*\"],\"Action\":[\"s3:GetObject\"],\"Effect\":\"Allow\"}],"
        + "\"Version\":\"2012-10-17\"}";
    assertEquals(BASE, PolicyDocuments.keepEquivalent(BASE, aws));
    String changed = aws.replace("GetObject", "PutObject");
    assertEquals(changed, PolicyDocuments.keepEquivalent(BASE, changed));
  }

  @Test
  void textThatIsNotJsonIsComparedAsText() {
    assertTrue(PolicyDocuments.equivalent(" not json ", "not json"));
    assertFalse(PolicyDocuments.equivalent("not json", "{}"));
  }

  @Test
  void broadGrantsNameWildcardsEveryoneAndNotAction() {
    assertEquals(Set.of(), PolicyDocuments.broadGrants(BASE));
    assertEquals(Set.of("action *", "resource *"), PolicyDocuments.broadGrants(
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
    assertEquals(Set.of("action s3:*"), PolicyDocuments.broadGrants(
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b\"}}"));
    assertEquals(Set.of("principal *"), PolicyDocuments.broadGrants(
        "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}"));
    assertEquals(Set.of(), PolicyDocuments.broadGrants(
        "{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}}"),
        "a Deny narrows");
    assertTrue(PolicyDocuments.broadGrants(
        "{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"arn:aws:s3:::b\"}}")
        .contains("NotAction [iam:*]"));
  }
}
