package dev.kplan.lang.value;

import java.util.Collection;

/**
 * The deep questions collections ask of their elements, as plain loops: they run for every
 * nested value of every planned object, where a stream per level cost more than the question.
 */
final class Walks {
  private Walks() {}

  static boolean anyMarked(Collection<Value> values) {
    for (Value v : values) {
      if (v.hasMarksDeep()) {
        return true;
      }
    }
    return false;
  }

  static boolean allWhollyKnown(Collection<Value> values) {
    for (Value v : values) {
      if (!v.isWhollyKnown()) {
        return false;
      }
    }
    return true;
  }
}
