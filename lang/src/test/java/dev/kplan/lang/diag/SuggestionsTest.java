package dev.kplan.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void suggestsTheNameWithSwappedLetters() {
    assertEquals(" Did you mean \"replicas\"?", Suggestions.didYouMean("replicsa", List.of("replicas", "selector")));
  }

  @Test
  void suggestsNothingForAnUnrelatedName() {
    assertNull(Suggestions.closest("image", List.of("replicas", "selector")));
  }

  @Test
  void prefersTheNearestCandidate() {
    assertEquals("count", Suggestions.closest("cont", List.of("content", "count")));
  }
}
