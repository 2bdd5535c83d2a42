package io.keepalivedj.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken configuration under {@code src/test/resources/broken/} (a file, or a folder whose
 * {@code main.conf} is read) must yield an error at the place its first line names:
 * {@code ! expect: LINE TEXT ; FILE:LINE TEXT}, where TEXT is part of the offending text or the
 * message and FILE is relative to the configuration's folder. Configurations under
 * {@code warn/} ({@code ! expect-warning: ...}) must yield that warning and no error: keepalived
 * accepts them, so {@code -t} must too. Where keepalived 2.2.7 reports the same problem, it names the
 * same line (checked when the vectors were written; docs/testing.md).
 */
class BrokenConfigsTest {

  record Expectation(Path file, int line, String text) {}

  record Case(String name, Path main, List<Expectation> expectations) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> broken() {
    return cases("broken", "! expect:");
  }

  static Stream<Case> warnings() {
    return cases("warn", "! expect-warning:");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void reportsTheErrorAtTheExpectedLine(Case c) {
    ParseResult result = ConfigParser.check(c.main(), ParseOptions.defaults().withConfigId("test"));
    String all = describe(result);
    assertThat(result.hasErrors()).as("%s should fail -t; got:%n%s", c.name(), all).isTrue();
    for (Expectation e : c.expectations()) {
      assertThat(result.diagnostics())
          .as("%s: an error at %s:%d about '%s'; got:%n%s", c.name(), e.file().getFileName(), e.line(), e.text(), all)
          .anySatisfy(d -> {
            assertThat(d.severity().failsConfigTest()).isTrue();
            assertThat(Path.of(d.position().file()).toAbsolutePath().normalize()).isEqualTo(e.file());
            assertThat(d.position().line()).isEqualTo(e.line());
            assertThat(d.offendingText() + " " + d.message()).contains(e.text());
          });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void acceptsWithAWarningWhatKeepalivedAccepts(Case c) {
    ParseResult result = ConfigParser.check(c.main(), ParseOptions.defaults().withConfigId("test"));
    String all = describe(result);
    assertThat(result.hasErrors()).as("%s must pass -t; got:%n%s", c.name(), all).isFalse();
    for (Expectation e : c.expectations()) {
      assertThat(result.diagnostics())
          .as("%s: a warning at line %d about '%s'; got:%n%s", c.name(), e.line(), e.text(), all)
          .anySatisfy(d -> {
            assertThat(d.position().line()).isEqualTo(e.line());
            assertThat(d.offendingText() + " " + d.message()).contains(e.text());
          });
    }
  }

  private static String describe(ParseResult result) {
    return result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }

  private static Stream<Case> cases(String folder, String marker) {
    Path dir;
    try {
      dir = Path.of(BrokenConfigsTest.class.getResource("/" + folder).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.sorted().collect(Collectors.toList())) {
        Path main = Files.isDirectory(p) ? p.resolve("main.conf") : p;
        if (!main.toString().endsWith(".conf")) {
          continue;
        }
        cases.add(new Case(p.getFileName().toString(), main, expectations(main, marker)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(cases).isNotEmpty();
    return cases.stream();
  }

  private static List<Expectation> expectations(Path main, String marker) throws IOException {
    String first = Files.readAllLines(main).get(0);
    assertThat(first).as("first line of %s", main).startsWith(marker);
    List<Expectation> out = new ArrayList<>();
    for (String part : first.substring(marker.length()).split(";")) {
      String[] words = part.trim().split(" ", 2);
      String where = words[0];
      Path file = main;
      if (where.contains(":")) {
        file = main.resolveSibling(where.substring(0, where.indexOf(':')));
        where = where.substring(where.indexOf(':') + 1);
      }
      out.add(new Expectation(file.toAbsolutePath().normalize(), Integer.parseInt(where), words[1].trim()));
    }
    return out;
  }
}
