package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void includeIsReadInPlaceRelativeToTheIncludingFile() throws IOException {
    write("sub/part.conf", "middle\n");
    Lexed lexed = Lexed.ofFile(write("main.conf", "first\ninclude sub/part.conf\nlast\n"));
    assertThat(lexed.keywords()).containsExactly("first", "middle", "last");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void nestedIncludesResolveAgainstTheirOwnDirectory() throws IOException {
    write("a/one.conf", "one\ninclude b/two.conf\n");
    write("a/b/two.conf", "two\n");
    Lexed lexed = Lexed.ofFile(write("main.conf", "include a/one.conf\n"));
    assertThat(lexed.keywords()).containsExactly("one", "two");
  }

  @Test
  void includedLinesCarryTheIncludedFilesPath() throws IOException {
    Path part = write("sub/part.conf", "\n  middle\n");
    Path main = write("main.conf", "include sub/part.conf\n");
    Lexed lexed = Lexed.ofFile(main);
    assertThat(lexed.root(0).position().file()).isEqualTo(part.toString());
    assertThat(lexed.root(0).position().line()).isEqualTo(2);
    assertThat(lexed.root(0).position().column()).isEqualTo(3);
  }

  @Test
  void mainFilePositionsUseThePathAsGiven() throws IOException {
    Path main = write("main.conf", "a\n");
    Path relative = Path.of("").toAbsolutePath().relativize(main);
    assertThat(Lexed.ofFile(relative).root(0).position().file()).isEqualTo(relative.toString());
  }

  @Test
  void globMatchesAreReadInSortedOrder() throws IOException {
    write("conf.d/b.conf", "b\n");
    write("conf.d/a.conf", "a\n");
    write("conf.d/c.conf", "c\n");
    write("conf.d/skip.txt", "txt\n");
    write("conf.d/.hidden.conf", "hidden\n");
    assertThat(Lexed.ofFile(write("main.conf", "include conf.d/*.conf\n")).keywords()).containsExactly("a", "b", "c");
  }

  @Test
  void braceAlternativesAreReadInTheOrderWritten() throws IOException {
    // keepalived 2.2.7: "include ord/{c,a}.conf" reads c.conf then a.conf;
    // "include ord/{b,[ac]}.conf" reads b, a, c (each alternative sorted on its own).
    write("ord/a.conf", "a\n");
    write("ord/b.conf", "b\n");
    write("ord/c.conf", "c\n");
    assertThat(Lexed.ofFile(write("main.conf", "include ord/{c,a}.conf\ninclude ord/{b,[ac]}.conf\n")).keywords())
        .containsExactly("c", "a", "b", "a", "c");
  }

  @Test
  void nestedBracesAndQuestionMark() throws IOException {
    write("x/a1.conf", "a1\n");
    write("x/b.conf", "b\n");
    write("y.conf", "y\n");
    assertThat(Lexed.ofFile(write("main.conf", "include {x/{a?,b},y}.conf\n")).keywords())
        .containsExactly("a1", "b", "y");
  }

  @Test
  void includeIsProcessedInsideABlock() throws IOException {
    write("vips.conf", "192.0.2.1\n192.0.2.2\n");
    assertThat(Lexed.ofFile(write("main.conf", "virtual_ipaddress {\n  include vips.conf\n}\n")).lines())
        .containsExactly("virtual_ipaddress {", "  192.0.2.1", "  192.0.2.2");
  }

  @Test
  void definitionsCarryAcrossFiles() throws IOException {
    write("part.conf", "$INNER=in\n$OUTER\n");
    assertThat(Lexed.ofFile(write("main.conf", "$OUTER=out\ninclude part.conf\n$INNER\n")).keywords())
        .containsExactly("out", "in");
  }

  @Test
  void missingFileForPlainIncludeIsAWarning() throws IOException {
    // keepalived 2.2.7: "Config files missing '/tmp/kt/nonexist.conf'." and -t exits 0.
    Lexed lexed = Lexed.ofFile(write("main.conf", "include none.conf\nafter\n"));
    assertThat(lexed.problems()).containsExactly("WARNING 1:1 config files missing");
    assertThat(lexed.keywords()).containsExactly("after");
  }

  @Test
  void strictVariantsFollowKeepalivedsChecks() throws IOException {
    // keepalived 2.2.7 -t exit codes for a missing plain name: includer 0, includem 6, includew 6,
    // includeb 0, includea 6 (includer only checks readability, includeb only brace alternatives).
    assertThat(severityFor("includer none.conf")).isEqualTo(Severity.WARNING);
    assertThat(severityFor("includem none.conf")).isEqualTo(Severity.ERROR);
    assertThat(severityFor("includew none.conf")).isEqualTo(Severity.ERROR);
    assertThat(severityFor("includeb none.conf")).isEqualTo(Severity.WARNING);
    assertThat(severityFor("includea none.conf")).isEqualTo(Severity.ERROR);
  }

  @Test
  void missingDirectoryOfAWildcardCountsAsMissing() throws IOException {
    // keepalived 2.2.7: "include nodir/*.conf" -> "Config files missing", includem exits 6.
    assertThat(severityFor("include nodir/*.conf")).isEqualTo(Severity.WARNING);
    assertThat(severityFor("includem nodir/*.conf")).isEqualTo(Severity.ERROR);
  }

  @Test
  void wildcardMatchingNothingIsSilentUnlessWildcardMatchIsChecked() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    assertThat(Lexed.ofFile(write("m1.conf", "include empty/*.conf\n")).diagnostics()).isEmpty();
    assertThat(Lexed.ofFile(write("m2.conf", "includem empty/*.conf\n")).diagnostics()).isEmpty();
    assertThat(Lexed.ofFile(write("m3.conf", "includew empty/*.conf\n")).problems())
        .containsExactly("ERROR 1:1 no config files matched");
  }

  @Test
  void partlyMissingBraceExpansionReadsWhatExistsUnlessBraceMatchIsChecked() throws IOException {
    // keepalived 2.2.7: "Some config files missing", includeb and includea exit 6, others 0.
    write("a.conf", "a\n");
    Lexed plain = Lexed.ofFile(write("m1.conf", "include {a,b}.conf\n"));
    assertThat(plain.keywords()).containsExactly("a");
    assertThat(plain.problems()).containsExactly("WARNING 1:1 some config files missing");
    Lexed strict = Lexed.ofFile(write("m2.conf", "includeb {a,b}.conf\n"));
    assertThat(strict.keywords()).isEmpty();
    assertThat(strict.problems()).containsExactly("ERROR 1:1 some config files missing");
  }

  @Test
  void allBraceAlternativesMissingIsABraceMatchFailure() throws IOException {
    // keepalived 2.2.7: "includeb {n1,n2}.conf" exits 6, "includem {n1,n2}.conf" exits 0.
    assertThat(severityFor("includeb {n1,n2}.conf")).isEqualTo(Severity.ERROR);
    assertThat(severityFor("includem {n1,n2}.conf")).isEqualTo(Severity.WARNING);
  }

  @Test
  void directoriesAndExecutablesAreSkipped() throws IOException {
    // keepalived 2.2.7: "is a directory - skipping" / "is not a regular non-executable file -
    // skipping", -t exits 0 for include and 6 for includer.
    Files.createDirectories(dir.resolve("inc/d.conf"));
    Path exec = write("inc/x.conf", "x\n");
    Files.setPosixFilePermissions(exec, PosixFilePermissions.fromString("rwxr-xr-x"));
    write("inc/ok.conf", "ok\n");
    Lexed plain = Lexed.ofFile(write("main.conf", "include inc/*.conf\n"));
    assertThat(plain.keywords()).containsExactly("ok");
    assertThat(plain.problems()).containsExactly(
        "WARNING 1:1 configuration file is a directory - skipping",
        "WARNING 1:1 configuration file is not a regular non-executable file - skipping");
    assertThat(severityFor("includer inc/x.conf")).isEqualTo(Severity.ERROR);
  }

  @Test
  void includeCycleIsAnErrorNamingTheLoop() throws IOException {
    Path a = write("a.conf", "in_a\ninclude b.conf\n");
    Path b = write("b.conf", "in_b\ninclude a.conf\n");
    Lexed lexed = Lexed.ofFile(a);
    assertThat(lexed.keywords()).containsExactly("in_a", "in_b");
    assertThat(lexed.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.position().file()).isEqualTo(b.toString());
      assertThat(d.position().line()).isEqualTo(2);
      assertThat(d.message()).isEqualTo("include cycle: " + a + " -> " + b + " -> " + a + "; not included again");
    });
  }

  @Test
  void fileIncludingItselfIsACycle() throws IOException {
    Lexed lexed = Lexed.ofFile(write("self.conf", "x\ninclude self.conf\n"));
    assertThat(lexed.keywords()).containsExactly("x");
    assertThat(lexed.problems()).singleElement().asString().startsWith("ERROR 2:1 include cycle");
  }

  @Test
  void sameFileTwiceWithoutACycleIsFine() throws IOException {
    write("p.conf", "p\n");
    assertThat(Lexed.ofFile(write("main.conf", "include p.conf\ninclude p.conf\n")).keywords())
        .containsExactly("p", "p");
  }

  @Test
  void missingMainFileIsFatal() {
    // keepalived 2.2.7 -t only logs "Config files missing" and exits 0; nothing can be read, so FATAL here.
    Lexed lexed = Lexed.ofFile(dir.resolve("absent.conf"));
    assertThat(lexed.tree().roots()).isEmpty();
    assertThat(lexed.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.FATAL);
      assertThat(d.message()).contains("cannot read configuration file").contains("absent.conf");
    });
  }

  @Test
  void mainFileThatIsADirectoryIsFatal() {
    Lexed lexed = Lexed.ofFile(dir);
    assertThat(lexed.bySeverity(Severity.FATAL)).hasSize(1);
  }

  @Test
  void readStringResolvesIncludesAgainstTheBaseDirectory() throws IOException {
    write("p.conf", "p\n");
    io.keepalivedj.config.DiagnosticCollector diagnostics = new io.keepalivedj.config.DiagnosticCollector();
    var tree = ConfigReader.readString("include p.conf\n", "<mem>", dir, Lexed.OPTIONS, diagnostics);
    assertThat(tree.roots()).extracting(n -> n.name()).containsExactly("p");
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void includeAfterAConditionalIsNotProcessed() throws IOException {
    // keepalived.conf(5): include detection comes before @ and $ processing. (keepalived 2.2.7's
    // parent process does include "@main include x", its children read it twice: unreliable.)
    write("p.conf", "p\n");
    Lexed lexed = Lexed.ofFile(write("main.conf", "@main include p.conf\n$INC=include\n$INC p.conf\n"));
    assertThat(lexed.lines()).containsExactly("include|p.conf", "include|p.conf");
    assertThat(lexed.bySeverity(Severity.WARNING)).hasSize(2);
    assertThat(lexed.hasErrors()).isFalse();
  }

  @Test
  void includeVariantNeedsABlankAfterIt() throws IOException {
    Lexed lexed = Lexed.ofFile(write("main.conf", "includex p.conf\ninclude\n"));
    assertThat(lexed.keywords()).containsExactly("includex", "include");
  }

  @Test
  void pwdIsTheDirectoryOfTheFileBeingRead() throws IOException {
    Path sub = dir.resolve("sub");
    write("sub/p.conf", "inner ${_PWD}\n");
    Lexed lexed = Lexed.ofFile(write("main.conf", "include sub/p.conf\nouter ${_PWD}\n"));
    assertThat(lexed.lines()).containsExactly("inner|" + sub.toAbsolutePath(), "outer|" + dir.toAbsolutePath());
  }

  private Severity severityFor(String includeLine) throws IOException {
    Lexed lexed = Lexed.ofFile(write("sev.conf", includeLine + "\n"));
    assertThat(lexed.diagnostics()).hasSize(1);
    return lexed.diagnostics().get(0).severity();
  }
}
