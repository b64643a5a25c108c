package dev.kplan.lang.functions;

import dev.kplan.lang.conformance.TofuConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records what real OpenTofu prints for the string and sensitivity expressions, as golden data for
 * {@link StringFunctionsGoldenTest}. Not a test: run it by hand after changing the expression
 * list, with the peer built ({@code scripts/peer-tofu path}) and the test classpath, from
 * {@code lang/}: {@code java -cp target/classes:target/test-classes:<deps>
 * dev.kplan.lang.functions.RecordStringGoldens}.
 */
public final class RecordStringGoldens {
  static final Path DIR = Paths.get("src/test/resources/golden/functions");
  static final Path EXPRESSIONS = DIR.resolve("string-expressions.txt");
  static final Path CORPUS = Paths.get("src/test/resources/differential/corpus.txt");
  static final Path GOLDEN = DIR.resolve("string-functions.tofu.jsonl");
  /** The corpus lines whose outermost call is one of these functions. */
  static final Pattern MINE = Pattern.compile(
      "^(lower|upper|title|chomp|indent|format|formatlist|join|split|replace|substr|trimspace|trim|trimprefix"
          + "|trimsuffix|startswith|endswith|strcontains|strrev|regex|regexall|sensitive|nonsensitive|issensitive)\\(.*");

  private RecordStringGoldens() {}

  public static void main(String[] args) throws IOException {
    Set<String> exprs = new LinkedHashSet<>(Files.readAllLines(EXPRESSIONS, StandardCharsets.UTF_8));
    for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
      if (MINE.matcher(line).matches()) {
        exprs.add(line);
      }
    }
    exprs.removeIf(String::isBlank);
    List<String> list = new ArrayList<>(exprs);
    Path tofu = TofuConsole.locate().orElseThrow(() -> new IllegalStateException("build the peer first"));
    List<TofuConsole.Outcome> outcomes = new TofuConsole(tofu, 2).evaluate(list);
    JsonMapper mapper = JsonMapper.builder().build();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode n = mapper.createObjectNode();
      n.put("expr", list.get(i));
      TofuConsole.Outcome o = outcomes.get(i);
      if (o instanceof TofuConsole.Outcome.Value v) {
        n.put("value", v.json());
      } else if (o instanceof TofuConsole.Outcome.Error e) {
        n.put("error", e.message());
      } else if (o instanceof TofuConsole.Outcome.Opaque p) {
        n.put("opaque", p.text());
      }
      out.append(mapper.writeValueAsString(n)).append('\n');
    }
    Files.writeString(GOLDEN, out.toString(), StandardCharsets.UTF_8);
    System.out.println("recorded " + list.size() + " expressions in " + GOLDEN);
  }
}
