package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BracesTest {

  @Test
  void braceAtTheEndOfTheKeywordLine() {
    Lexed lexed = Lexed.of("global_defs {\n  router_id r1\n}\n");
    assertThat(lexed.lines()).containsExactly("global_defs {", "  router_id|r1");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void braceAloneOnTheNextLine() {
    assertThat(Lexed.of("vrrp_instance VI_1\n{\n  state MASTER\n}\n").lines())
        .containsExactly("vrrp_instance|VI_1 {", "  state|MASTER");
  }

  @Test
  void blankAndCommentLinesMayComeBeforeTheBrace() {
    // keepalived 2.2.7: "global_defs", "", "# c", "  {" is accepted, -t exits 0.
    Lexed lexed = Lexed.of("global_defs\n\n# c\n  {\n router_id x }\n");
    assertThat(lexed.lines()).containsExactly("global_defs {", "  router_id|x");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void braceOnTheNextLineFollowedByWords() {
    assertThat(Lexed.of("a\n{ b c\n}\n").lines()).containsExactly("a {", "  b|c");
  }

  @Test
  void wholeBlockOnOneLine() {
    assertThat(Lexed.of("virtual_ipaddress { 192.0.2.1/24 192.0.2.2 }\n").lines())
        .containsExactly("virtual_ipaddress {", "  192.0.2.1/24|192.0.2.2");
  }

  @Test
  void bracesWithoutBlanks() {
    assertThat(Lexed.of("a{b}c\n").lines()).containsExactly("a {", "  b", "c");
  }

  @Test
  void nestedBlocksOnOneLine() {
    assertThat(Lexed.of("a { b { c } d }\n").lines()).containsExactly("a {", "  b {", "    c", "  d");
  }

  @Test
  void closingBraceAtTheEndOfALine() {
    assertThat(Lexed.of("a {\n  b c }\nd\n").lines()).containsExactly("a {", "  b|c", "d");
  }

  @Test
  void wordsAfterAClosingBraceAreTheNextLine() {
    // keepalived 2.2.7 splits "zz7 { zz8 } zz9" into "zz7", "{", "zz8", "}", "zz9".
    assertThat(Lexed.of("a {\n b\n} c\n").lines()).containsExactly("a {", "  b", "c");
  }

  @Test
  void siblingBlocksOnOneLine() {
    assertThat(Lexed.of("a { } b { x }\n").lines()).containsExactly("a {", "b {", "  x");
  }

  @Test
  void emptyBlockIsStillABlock() {
    Lexed lexed = Lexed.of("a {\n}\nb\n");
    assertThat(lexed.root(0).block()).isTrue();
    assertThat(lexed.root(0).children()).isEmpty();
    assertThat(lexed.root(1).block()).isFalse();
  }

  @Test
  void argumentsBeforeTheBraceStayOnTheNode() {
    assertThat(Lexed.of("virtual_server 192.0.2.1 80 {\n}\n").root(0).argTexts()).containsExactly("192.0.2.1", "80");
  }

  @Test
  void extraClosingBraceIsAnErrorAtItsPosition() {
    // keepalived 2.2.7: "(Line 4) Extra '}' found", -t exits 5.
    Lexed lexed = Lexed.of("global_defs {\n  router_id x\n}\n  }\nafter\n");
    assertThat(lexed.problems()).containsExactly("ERROR 4:3 extra '}'");
    assertThat(lexed.lines()).containsExactly("global_defs {", "  router_id|x", "after");
  }

  @Test
  void missingClosingBraceNamesTheBlockLine() {
    // keepalived 2.2.7: "There are 1 missing '}'s or extra '{'s" (no line), -t exits 5.
    Lexed lexed = Lexed.of("a\nglobal_defs {\n  router_id x\n");
    assertThat(lexed.problems()).containsExactly("ERROR 2:1 missing '}': block 'global_defs' opened on line 2 is never closed");
    assertThat(lexed.lines()).containsExactly("a", "global_defs {", "  router_id|x");
  }

  @Test
  void everyUnclosedBlockIsReportedOutermostFirst() {
    Lexed lexed = Lexed.of("vrrp_instance VI {\n  virtual_ipaddress {\n    192.0.2.1\n");
    assertThat(lexed.problems()).containsExactly(
        "ERROR 1:1 missing '}': block 'vrrp_instance VI' opened on line 1 is never closed",
        "ERROR 2:3 missing '}': block 'virtual_ipaddress' opened on line 2 is never closed");
  }

  @Test
  void braceWithoutAKeywordIsAnErrorAndItsContentsStayAtThatLevel() {
    // keepalived 2.2.7: "Unexpected '{' - ignoring", -t exits 5.
    Lexed lexed = Lexed.of("{\n  a\n}\nb\n");
    assertThat(lexed.problems()).containsExactly("ERROR 1:1 unexpected '{' with no keyword before it");
    assertThat(lexed.lines()).containsExactly("a", "b");
  }

  @Test
  void braceAfterABlockDoesNotReopenIt() {
    Lexed lexed = Lexed.of("a {\n}\n{\n}\n");
    assertThat(lexed.problems()).containsExactly("ERROR 3:1 unexpected '{' with no keyword before it");
  }

  @Test
  void braceAfterWordsOnTheSameLineOpensForThoseWords() {
    assertThat(Lexed.of("a\nb {\n}\n").lines()).containsExactly("a", "b {");
  }

  @Test
  void unknownKeywordsAreKeptAsNodes() {
    assertThat(Lexed.of("no_such_thing 1 2 {\n  nested_unknown\n}\n").lines())
        .containsExactly("no_such_thing|1|2 {", "  nested_unknown");
  }
}
