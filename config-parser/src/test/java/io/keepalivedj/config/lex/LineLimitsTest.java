package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineLimitsTest {

  @Test
  void lineOf1022BytesIsRead() {
    // keepalived 2.2.7 reads a 1022-byte line whole.
    String line = "k" + "x".repeat(1021);
    Lexed lexed = Lexed.of(line + "\nafter\n");
    assertThat(lexed.keywords()).containsExactly(line, "after");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void lineOf1023BytesIsTooLong() {
    // keepalived 2.2.7 silently reads a 1023-byte line as two lines; 2.4.0 reports "line too long
    // - ignoring" and drops it, as here.
    Lexed lexed = Lexed.of("k" + "x".repeat(1022) + "\nafter\n");
    assertThat(lexed.keywords()).containsExactly("after");
    assertThat(lexed.problems()).containsExactly("ERROR 1:0 line too long - ignoring");
  }

  @Test
  void limitCountsBytesNotCharacters() {
    String line = "k " + "é".repeat(510);
    assertThat(Lexed.of(line + "\n").diagnostics()).isEmpty();
    assertThat(Lexed.of(line + "é\n").problems()).containsExactly("ERROR 1:0 line too long - ignoring");
  }

  @Test
  void lastLineWithoutNewlineIsRead() {
    assertThat(Lexed.of("a\nb").keywords()).containsExactly("a", "b");
  }

  @Test
  void lineWithNulIsIgnored() {
    // keepalived 2.4.0: "configuration appears to have embedded NULs - ignoring line".
    Lexed lexed = Lexed.of("a\u0000b\nc\n");
    assertThat(lexed.keywords()).containsExactly("c");
    assertThat(lexed.problems()).containsExactly("ERROR 1:0 configuration appears to have embedded NULs - ignoring line");
  }

  @Test
  void tooLongLineEndsAMultiLineDefinitionLikeAnEmptyLine() {
    String text = "$M=\\\nm1 \\\n" + "x".repeat(1100) + "\nm2\n$M\n";
    assertThat(Lexed.of(text).keywords()).containsExactly("m2", "m1");
  }

  @Test
  void emptyInput() {
    Lexed lexed = Lexed.of("");
    assertThat(lexed.tree().roots()).isEmpty();
    assertThat(lexed.diagnostics()).isEmpty();
  }
}
