package dev.kplan.lang.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import net.jqwik.api.Example;

/**
 * Keeps the committed differential corpus in step with {@link DifferentialCorpus}. Regenerate it
 * after changing the generator with:
 *
 * <pre>mvn -B -q -pl lang test -Dtest=DifferentialCorpusTest -Dkplan.corpus.write=true</pre>
 *
 * <p>These are jqwik examples because jqwik's generators only run inside its engine.
 */
class DifferentialCorpusTest {
  static final Path CORPUS = Paths.get("src/test/resources/differential/corpus.txt");

  @Example
  void committedCorpusIsWhatTheSeededGeneratorProduces() throws IOException {
    List<String> generated = DifferentialCorpus.generate();
    if (Boolean.getBoolean("kplan.corpus.write")) {
      Files.createDirectories(CORPUS.getParent());
      Files.write(CORPUS, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readAllLines(CORPUS, StandardCharsets.UTF_8),
        "corpus.txt is stale: regenerate it with -Dkplan.corpus.write=true");
  }

  @Example
  void generatorIsDeterministic() {
    assertEquals(DifferentialCorpus.generate(), DifferentialCorpus.generate());
  }

  @Example
  void corpusHasAtLeastTwoThousandSingleLineExpressions() {
    List<String> generated = DifferentialCorpus.generate();
    assertTrue(generated.size() >= 2000, "only " + generated.size() + " expressions");
    assertTrue(generated.stream().noneMatch(e -> e.contains("\n")));
  }
}
