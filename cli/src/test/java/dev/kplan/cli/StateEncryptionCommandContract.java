package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensitive values encrypted at rest, on the backend a subclass gives ({@link
 * StateEncryptionCommandTest}: H2, {@link StateEncryptionCommandPostgresIT}: PostgreSQL): the raw
 * H2 file or the rows of every table never hold them, a missing or
 * wrong passphrase is a diagnostic (never garbage), show prints "(encrypted)", verify needs no key,
 * and {@code state rekey} moves the state to a new passphrase.
 */
abstract class StateEncryptionCommandContract {
  static final String SECRET = "s3cr3t-Pa55-at-rest";

  static final String CONFIG = """
      kplan {
        encryption {
          passphrase = var.state_passphrase
        }
      }
      variable "state_passphrase" {
        type      = string
        sensitive = true
        default   = null
      }
      variable "db_password" {
        type      = string
        sensitive = true
      }
      resource "kplan_data" "creds" {
        input = { user = "admin", password = var.db_password }
      }
      resource "kplan_data" "plain" {
        input = "visible"
      }
      output "whole" {
        value     = kplan_data.creds.output
        sensitive = true
      }
      """;

  @TempDir Path dir;
  TestingStateBackend backend;

  @AfterEach
  void closeBackend() throws Exception {
    backend.close();
  }

  CliRun kplan(Map<String, String> env, String... args) {
    return CliRun.in(backend.env(env), "", dir, args);
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> m = new HashMap<>();
    m.put("KPLAN_VAR_db_password", SECRET);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  String rawStateFile() throws Exception {
    return backend.raw();
  }

  @Test
  void sensitiveValuesNeverReachTheH2FileAndNeedThePassphraseToPlan() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    CliRun apply = kplan(env("KPLAN_VAR_state_passphrase", "first passphrase"), "apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.err());
    assertFalse(rawStateFile().contains(SECRET), "the secret is in the raw H2 file");
    assertTrue(rawStateFile().contains("visible"), "non-sensitive values stay readable");

    CliRun withKey = kplan(env("KPLAN_VAR_state_passphrase", "first passphrase"), "plan");
    assertEquals(0, withKey.exitCode(), withKey.err());
    assertTrue(withKey.out().contains("No changes"), withKey.out());

    CliRun noKey = kplan(env(), "plan");
    assertEquals(1, noKey.exitCode());
    assertTrue(noKey.err().contains("encrypted with a passphrase, and none was given"), noKey.err());
    assertFalse(noKey.out().contains(SECRET) || noKey.err().contains(SECRET));

    CliRun wrong = kplan(env("KPLAN_STATE_PASSPHRASE", "not it"), "plan");
    assertEquals(1, wrong.exitCode());
    assertTrue(wrong.err().contains("The state passphrase is wrong"), wrong.err());

    CliRun show = kplan(env(), "show");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("(encrypted)"), show.out());
    assertTrue(show.out().contains("visible"), show.out());
    assertFalse(show.out().contains(SECRET), show.out());

    CliRun verify = kplan(env(), "state", "verify");
    assertEquals(0, verify.exitCode(), verify.err());
    assertTrue(verify.out().contains("1  ok  sha256:"), verify.out());

    CliRun output = kplan(env("KPLAN_STATE_PASSPHRASE", "first passphrase"), "output", "-json", "whole");
    assertEquals(0, output.exitCode(), output.err());
    assertTrue(output.out().contains(SECRET), output.out());
  }

  @Test
  void rekeyMovesTheStateToTheNewPassphraseAndChecksumsStillVerify() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    assertEquals(0, kplan(env("KPLAN_STATE_PASSPHRASE", "old one"), "apply", "-auto-approve").exitCode());

    CliRun noOld = kplan(env("KPLAN_STATE_PASSPHRASE", "new one"), "state", "rekey");
    assertEquals(1, noOld.exitCode());
    assertTrue(noOld.err().contains("KPLAN_STATE_OLD_PASSPHRASE"), noOld.err());

    CliRun rekey = kplan(env("KPLAN_STATE_OLD_PASSPHRASE", "old one", "KPLAN_STATE_PASSPHRASE", "new one"),
        "state", "rekey");
    assertEquals(0, rekey.exitCode(), rekey.err());
    assertTrue(rekey.out().contains("Re-encrypted 2 stored sensitive values"), rekey.out());

    assertEquals(1, kplan(env("KPLAN_STATE_PASSPHRASE", "old one"), "plan").exitCode());
    CliRun plan = kplan(env("KPLAN_VAR_state_passphrase", "new one"), "plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("No changes"), plan.out());
    CliRun verify = kplan(env(), "state", "verify");
    assertEquals(0, verify.exitCode(), verify.err());
    assertFalse(rawStateFile().contains(SECRET));
  }

  @Test
  void stateCommandsShowEncryptedWithoutTheKeyAndMoveSealedValuesWithIt() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    Map<String, String> key = env("KPLAN_STATE_PASSPHRASE", "state pass");
    assertEquals(0, kplan(key, "apply", "-auto-approve").exitCode());

    CliRun show = kplan(env(), "state", "show", "kplan_data.creds");
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("(encrypted)"), show.out());
    assertFalse(show.out().contains(SECRET), show.out());
    CliRun list = kplan(env(), "state", "list");
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().contains("kplan_data.creds"), list.out());
    CliRun pull = kplan(env(), "state", "pull");
    assertEquals(1, pull.exitCode());
    assertTrue(pull.err().contains("KPLAN_STATE_PASSPHRASE"), pull.err());

    // a moved object's values are sealed again for their new address, and open there
    CliRun mv = kplan(key, "state", "mv", "kplan_data.creds", "kplan_data.moved");
    assertEquals(0, mv.exitCode(), mv.err());
    CliRun pulled = kplan(key, "state", "pull");
    assertEquals(0, pulled.exitCode(), pulled.err());
    assertTrue(pulled.out().contains("\"moved\"") && pulled.out().contains(SECRET), pulled.out());
    assertFalse(rawStateFile().contains(SECRET));
    CliRun verify = kplan(env(), "state", "verify");
    assertEquals(0, verify.exitCode(), verify.err());
  }
}
