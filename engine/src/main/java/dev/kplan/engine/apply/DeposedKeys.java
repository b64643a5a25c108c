package dev.kplan.engine.apply;

import java.security.SecureRandom;
import java.util.function.Predicate;

/** Terraform's deposed keys: 8 random hex digits, unique among an address's deposed objects. */
final class DeposedKeys {
  private DeposedKeys() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  static String next(Predicate<String> taken) {
    while (true) {
      String k = String.format("%08x", RANDOM.nextInt());
      if (!taken.test(k)) {
        return k;
      }
    }
  }
}
