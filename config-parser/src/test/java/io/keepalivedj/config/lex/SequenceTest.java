package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTest {

  @Test
  void manPageSeq() {
    assertThat(Lexed.of("~SEQ(SUBNET, 0, 3) ip_address 10.0.${SUBNET}.1\n").lines()).containsExactly(
        "ip_address|10.0.0.1", "ip_address|10.0.1.1", "ip_address|10.0.2.1", "ip_address|10.0.3.1");
  }

  @Test
  void manPageSeqxDecimalAndHexLimits() {
    String expected = "ip_address|fe80::20:90:1 ip_address|fe80::20:a0:1 ip_address|fe80::20:b0:1 ip_address|fe80::20:c0:1";
    assertThat(String.join(" ", Lexed.of("~SEQx(SUBNET, 144, 16, 192) ip_address fe80::20:${SUBNET}:1\n").lines()))
        .isEqualTo(expected);
    assertThat(String.join(" ", Lexed.of("~SEQx(SUBNET, 0x90, 0x10, 0xc0) ip_address fe80::20:${SUBNET}:1\n").lines()))
        .isEqualTo(expected);
  }

  @Test
  void manPageTwoSeqsOnOneLineNest() {
    Lexed lexed = Lexed.of("virtual_ipaddress {\n  ~SEQx(AD2, 0x90, 0x10, 0xc0) ~SEQx(AD1, 0x12, -1, 0x10) fe81::10:${AD2}:${AD1}\n}\n");
    assertThat(lexed.lines()).containsExactly("virtual_ipaddress {",
        "  fe81::10:90:12", "  fe81::10:90:11", "  fe81::10:90:10",
        "  fe81::10:a0:12", "  fe81::10:a0:11", "  fe81::10:a0:10",
        "  fe81::10:b0:12", "  fe81::10:b0:11", "  fe81::10:b0:10",
        "  fe81::10:c0:12", "  fe81::10:c0:11", "  fe81::10:c0:10");
  }

  @Test
  void manPageListWithSeveralVariables() {
    assertThat(Lexed.of("~LST({IP, IP1}, {10,1},{20,4},{5,6},{12,8}) 192.168.${IP}.${IP1}\n").lines())
        .containsExactly("192.168.10.1", "192.168.20.4", "192.168.5.6", "192.168.12.8");
  }

  @Test
  void listWithOneVariable() {
    assertThat(Lexed.of("~LST(V, a, b ,c) zz$V\n").lines()).containsExactly("zza", "zzb", "zzc");
  }

  @Test
  void missingListValuesAreEmpty() {
    // keepalived 2.2.7: "~LST({P,Q},{1},{2,3}) zzp${P}_${Q}_" gives zzp1__ and zzp2_3_.
    assertThat(Lexed.of("~LST({P,Q},{1},{2,3}) zzp${P}_${Q}_\n").lines()).containsExactly("zzp1__", "zzp2_3_");
  }

  @Test
  void tooManyListValuesIsAnError() {
    // keepalived 2.2.7: "~LST specification has too many values", line dropped.
    Lexed lexed = Lexed.of("~LST({P,Q},{1,2,3}) zzp\nnext\n");
    assertThat(lexed.keywords()).containsExactly("next");
    assertThat(lexed.problems()).containsExactly("ERROR 1:1 invalid ~LST specification: too many values");
  }

  @Test
  void defaultsForOneAndTwoParameters() {
    // keepalived 2.2.7: ~SEQ(N,3) 1..3; ~SEQ(M,-2) -1,-2; ~SEQ(K,5,3) 5,4,3; ~SEQ(Z,0) 1,0.
    assertThat(Lexed.of("~SEQ(N,3) q$N\n~SEQ(M,-2) m$M\n~SEQ(K,5,3) k$K\n~SEQ(Z,0) z$Z\n").keywords())
        .containsExactly("q1", "q2", "q3", "m-1", "m-2", "k5", "k4", "k3", "z1", "z0");
  }

  @Test
  void stepThatNeverReachesTheEndIsAnError() {
    // keepalived 2.2.7: "Invalid ~SEQ values '~SEQ(J,1,0,3) zzj'".
    Lexed lexed = Lexed.of("~SEQ(J,1,0,3) zzj\n~SEQ(J,1,-1,3) zzj\n");
    assertThat(lexed.lines()).isEmpty();
    assertThat(lexed.problems()).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("ERROR"));
  }

  @Test
  void stepMayOvershootTheEnd() {
    // keepalived 2.2.7: ~SEQ(I,1,3,8) gives 1, 4, 7.
    assertThat(Lexed.of("~SEQ(I,1,3,8) x$I\n").keywords()).containsExactly("x1", "x4", "x7");
  }

  @Test
  void numbersAreReadAsCDoes() {
    // strtol base 0: 010 is octal 8, 0x9 hex. keepalived 2.2.7: x8, x9.
    assertThat(Lexed.of("~SEQ(I, 010, 0x9) x$I\n").keywords()).containsExactly("x8", "x9");
  }

  @Test
  void hexSequenceRejectsNegativeNumbers() {
    assertThat(Lexed.of("~SEQx(I,-1,2) x$I\n").problems())
        .containsExactly("ERROR 1:1 invalid ~SEQx specification: ~SEQx is only valid for positive numbers");
  }

  @Test
  void malformedSpecificationsAreErrors() {
    // keepalived 2.2.7: "Invalid ~SEQ specification '~SEQ J'".
    Lexed lexed = Lexed.of("~SEQ J\n~SEQ(I)\n~SEQ(I,1,2\n~SEQ(I,a) x\n~LST\n~LST(V)\n");
    assertThat(lexed.lines()).isEmpty();
    assertThat(lexed.problems()).containsExactly(
        "ERROR 1:1 invalid ~SEQ specification: missing '('",
        "ERROR 2:1 invalid ~SEQ specification: missing variable name",
        "ERROR 3:1 invalid ~SEQ specification: missing terminating ')'",
        "ERROR 4:1 invalid ~SEQ specification: not a number at 'a)'",
        "ERROR 5:1 invalid ~LST specification: missing '('",
        "ERROR 6:1 invalid ~LST specification: expected ',' after variable V)");
  }

  @Test
  void parametersMayUseDefinitions() {
    assertThat(Lexed.of("$N=3\n~SEQ(I, 1, $N) x$I\n").keywords()).containsExactly("x1", "x2", "x3");
  }

  @Test
  void sequenceOverAMultiLineDefinition() {
    // The man page's "~SEQ(IF,0,7) ~SEQ(NUM,0,31) ~SEQ(ID,1,254) $VI4", smaller.
    String text = "$VI=\\\nvrrp_instance vrrp.${IF}.${ID} { \\\n  virtual_router_id ${ID} \\\n}\n"
        + "~SEQ(IF,0,1) ~SEQ(ID,1,2) $VI\n";
    assertThat(Lexed.of(text).lines()).containsExactly(
        "vrrp_instance|vrrp.0.1 {", "  virtual_router_id|1",
        "vrrp_instance|vrrp.0.2 {", "  virtual_router_id|2",
        "vrrp_instance|vrrp.1.1 {", "  virtual_router_id|1",
        "vrrp_instance|vrrp.1.2 {", "  virtual_router_id|2");
  }

  @Test
  void definitionWhoseValueIsASequence() {
    assertThat(Lexed.of("$X=~SEQ(I,1,2) n$I\n$X\n").keywords()).containsExactly("n1", "n2");
  }

  @Test
  void manPageSixtyFiveThousandInstances() {
    String text = "$VI4= \\\nvrrp_instance vrrp4.${IF}.${NUM}.${ID} { \\\n  virtual_router_id ${ID} \\\n}\n"
        + "~SEQ(IF,0,7) ~SEQ(NUM,0,31) ~SEQ(ID,1,254) $VI4\n";
    Lexed lexed = Lexed.of(text);
    assertThat(lexed.tree().roots()).hasSize(65024);
    assertThat(lexed.root(0).arg(0)).contains("vrrp4.0.0.1");
    assertThat(lexed.root(65023).arg(0)).contains("vrrp4.7.31.254");
    assertThat(lexed.diagnostics()).isEmpty();
  }

  @Test
  void otherTildeLinesAreKeptAsWritten() {
    assertThat(Lexed.of("$A=1\n~foo $A\n").lines()).containsExactly("~foo|$A");
  }

  @Test
  void sequenceInsideABlockWithConditional() {
    assertThat(Lexed.of("virtual_ipaddress {\n  @main ~SEQ(I,1,2) 192.0.2.$I\n  @other ~SEQ(I,3,4) 192.0.2.$I\n}\n").lines())
        .containsExactly("virtual_ipaddress {", "  192.0.2.1", "  192.0.2.2");
  }
}
