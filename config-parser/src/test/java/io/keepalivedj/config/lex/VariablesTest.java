package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import io.keepalivedj.config.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  @Test
  void simpleDefinitionAndUse() {
    assertThat(Lexed.of("$A=zzA\n$A\nk $A\n").lines()).containsExactly("zzA", "k|zzA");
  }

  @Test
  void bracesAllowTextRightAfterTheName() {
    // keepalived 2.2.7: "$A_x" stays "$A_x", "${A}_x" becomes "zzA_x".
    assertThat(Lexed.of("$A=zzA\n$A_x\n${A}_x\n").lines()).containsExactly("$A_x", "zzA_x");
  }

  @Test
  void referenceMayEndAtCommaOrParenthesis() {
    assertThat(Lexed.of("$A=1\nk $A,$A)\n").lines()).containsExactly("k|1,1)");
  }

  @Test
  void blankBeforeEqualsIsNoDefinition() {
    // keepalived 2.2.7: "$B = zzB" is read as keyword "$B".
    assertThat(Lexed.of("$B = zzB\n$B\n").lines()).containsExactly("$B|=|zzB", "$B");
  }

  @Test
  void leadingBlanksBeforeTheDollarAreAllowed() {
    assertThat(Lexed.of("   $C=zzC y\n$C\n").lines()).containsExactly("zzC|y");
  }

  @Test
  void nameCannotStartWithADigit() {
    assertThat(Lexed.of("$1A=x\n").lines()).containsExactly("$1A=x");
  }

  @Test
  void substitutionHappensAtUseTime() {
    // keepalived.conf(5) example: 10.2.0.100/32 then 10.2.10.100/32.
    String text = "$ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}\n$ADDRESS_BASE_SUB=0\n${ADDRESS_BASE}.100/32\n"
        + "$ADDRESS_BASE_SUB=10\n${ADDRESS_BASE}.100/32\n";
    assertThat(Lexed.of(text).lines()).containsExactly("10.2.0.100/32", "10.2.10.100/32");
  }

  @Test
  void undefinedReferencesAreLeftUntouched() {
    assertThat(Lexed.of("$A=1\nk $UNDEF \"${UNDEF}\"\n").lines()).containsExactly("k|$UNDEF|${UNDEF}");
  }

  @Test
  void undefinedBracedReferenceIsSplitAtItsBraces() {
    // keepalived 2.2.7: "${UNDEF}" reads as "$", "{", "UNDEF", "}" since braces split lines.
    assertThat(Lexed.of("$A=1\n${UNDEF}\n").lines()).containsExactly("$ {", "  UNDEF");
  }

  @Test
  void emptyValue() {
    assertThat(Lexed.of("$E=\n$E zzE\n").lines()).containsExactly("zzE");
  }

  @Test
  void quotedValueStaysOneWord() {
    assertThat(Lexed.of("$S=\"a b\"\nk $S\n").root(0).argTexts()).containsExactly("a b");
  }

  @Test
  void commentInADefinitionIsNotPartOfTheValue() {
    assertThat(Lexed.of("$A=x # comment\nk $A y\n").lines()).containsExactly("k|x|y");
  }

  @Test
  void definitionMayOverrideABuiltIn() {
    assertThat(Lexed.of("$_HASH=hash\nk ${_HASH}\n").lines()).containsExactly("k|hash");
  }

  @Test
  void multiLineDefinition() {
    String text = "$M=\\\n  zzM1 a \\\n  zzM2 b\nzzafter\n$M\n";
    assertThat(Lexed.of(text).lines()).containsExactly("zzafter", "zzM1|a", "zzM2|b");
  }

  @Test
  void multiLineDefinitionWithTextOnTheFirstLine() {
    assertThat(Lexed.of("$N=first \\\n second\n$N\n").lines()).containsExactly("first", "second");
  }

  @Test
  void conditionalsInsideAMultiLineDefinitionApplyAtUseTime() {
    // keepalived 2.2.7 with -i main: "@main zzM2 b \" inside $M is kept when $M is used.
    String text = "$M=\\\n  zzM1 a \\\n  @main zzM2 b \\\n  @other zzM3\n$M\n";
    assertThat(Lexed.of(text).lines()).containsExactly("zzM1|a", "zzM2|b");
  }

  @Test
  void multiLineDefinitionIsOnlySubstitutedAtTheEndOfALine() {
    // keepalived 2.2.7: "pre $M" gives "pre zzM1 a" then "zzM2 b"; "$M post" stays as written.
    String text = "$M=\\\nzzM1 a \\\nzzM2 b\npre $M\n$M post\n";
    assertThat(Lexed.of(text).lines()).containsExactly("pre|zzM1|a", "zzM2|b", "$M|post");
  }

  @Test
  void blankLineEndsAMultiLineDefinition() {
    // keepalived 2.2.7: an empty line ends the definition, so the next lines are read as written.
    String text = "$M=\\\n  zzM1 \\\n\n  zzM3 c\n$M\n";
    assertThat(Lexed.of(text).lines()).containsExactly("zzM3|c", "zzM1");
  }

  @Test
  void commentAndBlankOnlyLinesDoNotEndAMultiLineDefinition() {
    // keepalived 2.2.7: a comment line inside a definition is skipped.
    String text = "$Q=\\\n# comment\n   \n  zzQ1 \\\n  zzQ2\n$Q\n";
    assertThat(Lexed.of(text).lines()).containsExactly("zzQ1", "zzQ2");
  }

  @Test
  void lineWithOnlyABackslashAddsNothing() {
    assertThat(Lexed.of("$O= \\\n  \\\n  zzO1\n$O\n").lines()).containsExactly("zzO1");
  }

  @Test
  void multiLineDefinitionsNest() {
    String text = "$M=\\\nm1 \\\nm2\n$N=n1 \\\n $M \\\n n2\n$N\n";
    assertThat(Lexed.of(text).lines()).containsExactly("n1", "m1", "m2", "n2");
  }

  @Test
  void manPageInstanceTemplate() {
    String text = """
        $INSTANCE= \\
        vrrp_instance VI_${NUM} { \\
            interface eth0.${NUM} \\
            @main priority 130 \\
            @low priority 120 \\
            virtual_ipaddress { \\
                10.0.${NUM}.254/24 \\
            } \\
        }

        $NUM=0
        $INSTANCE

        $NUM=1
        $INSTANCE
        """;
    Lexed lexed = Lexed.of(text);
    assertThat(lexed.lines()).containsExactly(
        "vrrp_instance|VI_0 {", "  interface|eth0.0", "  priority|130", "  virtual_ipaddress {", "    10.0.0.254/24",
        "vrrp_instance|VI_1 {", "  interface|eth0.1", "  priority|130", "  virtual_ipaddress {", "    10.0.1.254/24");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void definitionsInsideAnExpansionTakeEffectInOrder() {
    // keepalived.conf(5): $VS sets $RS_NUM before each use of $RS.
    String text = "$RS=rs ${VS_NUM}.${RS_NUM}\n$VS=\\\nvs ${VS_NUM} \\\n$RS_NUM=1 \\\n$RS \\\n$RS_NUM=2 \\\n$RS\n"
        + "$VS_NUM=7\n$VS\n";
    assertThat(Lexed.of(text).lines()).containsExactly("vs|7", "rs|7.1", "rs|7.2");
  }

  @Test
  void instanceIsTheConfigId() {
    assertThat(Lexed.of("k ${_INSTANCE}\n", Lexed.OPTIONS.withConfigId("lb1")).lines()).containsExactly("k|lb1");
  }

  @Test
  void pwdOfAStringIsTheBaseDirectory() {
    io.keepalivedj.config.DiagnosticCollector d = new io.keepalivedj.config.DiagnosticCollector();
    var tree = ConfigReader.readString("k ${_PWD}/x\n", "<s>", Path.of("/etc/keepalived"), Lexed.OPTIONS, d);
    assertThat(tree.roots().get(0).argTexts()).containsExactly("/etc/keepalived/x");
  }

  @Test
  void hashAndBangStartACommentUnlessQuoted() {
    // keepalived 2.2.7: "a${_HASH}b x" reads as "a", "x${_BANG}y" as "x", "\"e${_HASH}f\"" as "e#f":
    // the line is decommented again after substitution.
    assertThat(Lexed.of("a${_HASH}b x\nx${_BANG}y\nk \"e${_HASH}f\" \"${_BANG}\"\n").lines())
        .containsExactly("a", "x", "k|e#f|!");
  }

  @Test
  void envComesFromParseOptions() {
    Lexed lexed = Lexed.of("k ${_ENV HOME} [${_ENV UNSET}]\n", Lexed.env(Map.of("HOME", "/root")));
    assertThat(lexed.lines()).containsExactly("k|/root|[]");
  }

  @Test
  void envNeedsExactlyOneName() {
    assertThat(Lexed.of("k \"${_ENV}\" \"${_ENV A B}\"\n").lines()).containsExactly("k|${_ENV}|${_ENV A B}");
  }

  @Test
  void randomIsDeterministicFromTheSeed() {
    // glibc srandom(1): random() gives 1804289383, 846930886, 1681692777.
    assertThat(Lexed.of("k ${_RANDOM} ${_RANDOM} ${_RANDOM 10 20}\n").lines()).containsExactly("k|17767|9158|16");
  }

  @Test
  void randomRange() {
    // keepalived 2.2.7: "${_RANDOM 5 5}" is 5; "${_RANDOM 7}" is between 7 and 32767.
    Lexed lexed = Lexed.of("~SEQ(I,1,50) k ${_RANDOM 5 5} ${_RANDOM 3 4} ${_RANDOM 7}\n");
    assertThat(lexed.tree().roots()).hasSize(50).allSatisfy(n -> {
      assertThat(n.arg(0)).contains("5");
      assertThat(Integer.parseInt(n.arg(1).orElseThrow())).isBetween(3, 4);
      assertThat(Integer.parseInt(n.arg(2).orElseThrow())).isBetween(7, 32767);
    });
  }

  @Test
  void randomWithNonNumericParametersIsNoReference() {
    assertThat(Lexed.of("k \"${_RANDOM a}\"\n").lines()).containsExactly("k|${_RANDOM a}");
  }

  @Test
  void selfReferenceIsAnErrorAndStops() {
    // keepalived 2.2.7 hangs on this (-t still running after 5 s): the value is as long as the
    // reference, so its line-length guard never fires.
    Lexed lexed = Lexed.of("$A=$A\nk $A\nnext\n");
    assertThat(lexed.keywords()).containsExactly("k", "next");
    assertThat(lexed.bySeverity(Severity.ERROR)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("refers to itself"));
  }

  @Test
  void growingSubstitutionStopsAtTheLineLimit() {
    Lexed lexed = Lexed.of("$A=xx$A\nk $A\nnext\n");
    assertThat(lexed.keywords()).containsExactly("k", "next");
    assertThat(lexed.bySeverity(Severity.WARNING)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("maximum line length"));
    assertThat(lexed.root(0).arg(0).orElseThrow().length()).isLessThan(1024);
  }
}
