package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.SourcePosition;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionsTest {
  private static List<String> where(ConfigNode node) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(node.keyword()), node.args().stream())
        .map(Token::position).map(p -> p.line() + ":" + p.column()).toList();
  }

  @Test
  void columnsAreOneBasedFromTheOriginalLine() {
    Lexed lexed = Lexed.of("\n  \tk  a b\n");
    assertThat(where(lexed.root(0))).containsExactly("2:4", "2:7", "2:9");
    assertThat(lexed.root(0).position()).isEqualTo(new SourcePosition("t.conf", 2, 4));
  }

  @Test
  void quotedTokenStartsAtItsQuote() {
    assertThat(where(Lexed.of("k \"a b\" x'y'\n").root(0))).containsExactly("1:1", "1:3", "1:9");
  }

  @Test
  void conditionalPrefixDoesNotShiftColumns() {
    assertThat(where(Lexed.of("@main priority 240\n").root(0))).containsExactly("1:7", "1:16");
  }

  @Test
  void substitutedTextTakesTheReferencesColumnAndTheRestKeepsItsOwn() {
    Lexed lexed = Lexed.of("$V=long value here\nk ${V} tail\n");
    assertThat(lexed.lines()).containsExactly("k|long|value|here|tail");
    assertThat(where(lexed.root(0))).containsExactly("2:1", "2:3", "2:3", "2:3", "2:8");
  }

  @Test
  void multiLineExpansionLinesTakeTheUsingLine() {
    Lexed lexed = Lexed.of("$M=\\\n a \\\n b c\n\n   $M\n");
    assertThat(where(lexed.root(0))).containsExactly("5:4");
    assertThat(where(lexed.root(1))).containsExactly("5:4", "5:4");
  }

  @Test
  void sequenceLinesKeepTheirColumns() {
    Lexed lexed = Lexed.of("~SEQ(I,1,2) ip 10.0.$I.1\n");
    assertThat(where(lexed.root(1))).containsExactly("1:13", "1:16");
  }

  @Test
  void escapedCommentCharacterDoesNotShiftColumns() {
    assertThat(where(Lexed.of("a\\#b c\n").root(0))).containsExactly("1:1", "1:6");
  }

  @Test
  void bracesSplitOffKeepTheirColumns() {
    Lexed lexed = Lexed.of("a{b c}d\n");
    assertThat(where(lexed.root(0))).containsExactly("1:1");
    assertThat(where(lexed.root(0).children().get(0))).containsExactly("1:3", "1:5");
    assertThat(where(lexed.root(1))).containsExactly("1:7");
  }

  @Test
  void diagnosticsCarryFileLineAndColumn() {
    Lexed lexed = Lexed.of("a\n   }\n");
    assertThat(lexed.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.format()).isEqualTo("t.conf:2:4: error: extra '}': '}'"));
  }

  @Test
  void crLfDoesNotChangeColumns() {
    assertThat(where(Lexed.of("k a\r\n b\r\n").root(1))).containsExactly("2:2");
  }
}
