package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's {@code -e/--all-config}: a plain include that finds nothing becomes an error. */
class AllConfigTest {
  @TempDir
  Path dir;

  @Test
  void missingPlainIncludeIsAWarningByDefaultAndAnErrorWithAllConfig() throws IOException {
    Path main = dir.resolve("main.conf");
    Files.writeString(main, "global_defs {\n}\ninclude missing.conf\n");

    Lexed lenient = Lexed.ofFile(main);
    Lexed strict = Lexed.ofFile(main, Lexed.OPTIONS.withAllConfig(true));

    assertThat(lenient.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.position().line()).isEqualTo(3);
    });
    assertThat(strict.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.ERROR);
      assertThat(d.position().line()).isEqualTo(3);
    });
  }
}
