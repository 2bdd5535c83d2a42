package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.Severity;
import org.junit.jupiter.api.Test;

class CommentsAndQuotingTest {

  @Test
  void hashAndBangLinesAreComments() {
    assertThat(Lexed.of("# a\n! b\n   # c\n").lines()).isEmpty();
  }

  @Test
  void commentStartsAnywhereOnALine() {
    assertThat(Lexed.of("a b # c d\ne f! g\nh#i\n").lines()).containsExactly("a|b", "e|f", "h");
  }

  @Test
  void commentCharactersInsideDoubleQuotesAreText() {
    assertThat(Lexed.of("a \"b # c ! d\" e\n").lines()).containsExactly("a|b # c ! d|e");
  }

  @Test
  void singleQuotesDoNotProtectComments() {
    // keepalived 2.2.7: "'a # b'" reads as "'a" (decomment tracks only double quotes).
    Lexed lexed = Lexed.of("x 'a # b'\n");
    assertThat(lexed.lines()).containsExactly("x|a");
    assertThat(lexed.problems()).containsExactly("WARNING 1:3 missing terminating '");
    assertThat(lexed.hasErrors()).isFalse();
  }

  @Test
  void escapedCommentCharactersAreText() {
    // keepalived 2.2.7: "foo\#bar baz" reads as keyword "foo#bar".
    assertThat(Lexed.of("foo\\#bar baz\\!\n").lines()).containsExactly("foo#bar|baz!");
  }

  @Test
  void escapedCommentCharacterInsideQuotes() {
    assertThat(Lexed.of("a \"b\\#c\"\n").lines()).containsExactly("a|b#c");
  }

  @Test
  void quotedTextJoinsAdjacentText() {
    // keepalived.conf(5), "Quoted strings": abcd" efg h jkl "mnop is one string.
    assertThat(Lexed.of("k abcd\" efg h jkl \"mnop\n").root(0).argTexts()).containsExactly("abcd efg h jkl mnop");
  }

  @Test
  void quotedTextSeparatedByBlanksIsItsOwnWord() {
    assertThat(Lexed.of("k abcd \"efg h jkl\" mnop\n").root(0).argTexts()).containsExactly("abcd", "efg h jkl", "mnop");
  }

  @Test
  void singleQuotesKeepBlanksAndDoubleQuotes() {
    assertThat(Lexed.of("k 'a \"b\" c' \"d 'e'\"\n").root(0).argTexts()).containsExactly("a \"b\" c", "d 'e'");
  }

  @Test
  void emptyQuotesAreAnEmptyWord() {
    assertThat(Lexed.of("router_id \"\"\n").root(0).argTexts()).containsExactly("");
  }

  @Test
  void backslashEscapes() {
    assertThat(Lexed.of("k a\\tb \"\\x41\\102\\cA\" \\E\\a\\b\\f\\n\\r\\v \\\\ \\q\n").root(0).argTexts())
        .containsExactly("a\tb", "AB\u0001", "\u001b\u0007\b\f\n\r\u000b", "\\", "q");
  }

  @Test
  void hexEscapeKeepsTheLowByteAndNeedsADigit() {
    assertThat(Lexed.of("k \\x141 \\xg\n").root(0).argTexts()).containsExactly("A", "xg");
  }

  @Test
  void octalEscapeTakesAtMostThreeDigits() {
    assertThat(Lexed.of("k \\0101 \\7\n").root(0).argTexts()).containsExactly("\u00081", "\u0007");
  }

  @Test
  void escapedQuoteDoesNotStartAQuote() {
    assertThat(Lexed.of("k a\\\"b c \"d\\\"e\"\n").root(0).argTexts()).containsExactly("a\"b", "c", "d\"e");
  }

  @Test
  void unterminatedDoubleQuoteIsAnErrorAndRunsToTheEndOfTheLine() {
    // keepalived 2.2.7: "Unterminated quote 'router_id "x'", -t exits 5.
    Lexed lexed = Lexed.of("router_id \"x y\nnext\n");
    assertThat(lexed.lines()).containsExactly("router_id|x y", "next");
    assertThat(lexed.problems()).containsExactly("ERROR 1:11 missing terminating \"");
  }

  @Test
  void trailingBackslashOutsideADefinitionIsLiteral() {
    // keepalived 2.2.7: "g\" on its own reads as keyword 'g\' and the next line is separate.
    Lexed lexed = Lexed.of("g \\\nh\n");
    assertThat(lexed.lines()).containsExactly("g\\", "h");
    assertThat(lexed.bySeverity(Severity.WARNING)).hasSize(1);
    assertThat(lexed.hasErrors()).isFalse();
  }

  @Test
  void escapedBackslashAtTheEndIsNoContinuation() {
    Lexed lexed = Lexed.of("g a\\\\\n");
    assertThat(lexed.lines()).containsExactly("g|a\\");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void quotedBraceIsAWordNotABlock() {
    Lexed lexed = Lexed.of("a \"{\" b\n'}'\n");
    assertThat(lexed.lines()).containsExactly("a|{|b", "}");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void allKeepalivedWhiteSpaceSeparatesWords() {
    assertThat(Lexed.of("a\tb\fc\u000bd\n").lines()).containsExactly("a|b|c|d");
  }

  @Test
  void crLfLineEndsAreRemoved() {
    assertThat(Lexed.of("a b\r\nc\r\n").lines()).containsExactly("a|b", "c");
  }

  @Test
  void keywordsKeepTheirCase() {
    assertThat(Lexed.of("HTTP_GET\nhttp_get\n").keywords()).containsExactly("HTTP_GET", "http_get");
  }
}
