package io.keepalivedj.config.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionalsTest {
  private static Lexed read(String text, String configId) {
    return Lexed.of(text, Lexed.OPTIONS.withConfigId(configId));
  }

  @Test
  void matchingIdKeepsTheLineWithoutThePrefix() {
    assertThat(read("@main router_id main_router\n", "main").lines()).containsExactly("router_id|main_router");
  }

  @Test
  void otherIdDropsTheLine() {
    assertThat(read("@backup router_id backup_router\n", "main").lines()).isEmpty();
  }

  @Test
  void idIsComparedExactly() {
    assertThat(read("@mai x\n@main2 y\n@MAIN z\n", "main").lines()).isEmpty();
  }

  @Test
  void negatedIdKeepsTheLineForEveryOtherId() {
    // keepalived.conf(5) example: with -i main the unicast peers are 1.2.3.5 and 1.2.3.6.
    String text = "unicast_peer {\n  @^main 1.2.3.4\n  @^backup 1.2.3.5\n  @^backup2 1.2.3.6\n}\n";
    assertThat(read(text, "main").lines()).containsExactly("unicast_peer {", "  1.2.3.5", "  1.2.3.6");
  }

  @Test
  void conditionalWithNothingAfterTheIdIsDropped() {
    // keepalived 2.2.7 with -i main: "@main" alone is ignored.
    assertThat(read("@main\n@^other\n", "main").lines()).isEmpty();
  }

  @Test
  void emptyIdMatchesNoConfigId() {
    // keepalived 2.2.7 with -i main: "@ zz4" dropped, "@^ zz5" kept.
    assertThat(read("@ zz4\n@^ zz5\n", "main").lines()).containsExactly("zz5");
  }

  @Test
  void tabSeparatesTheIdToo() {
    assertThat(read("@main\tzz6\n", "main").lines()).containsExactly("zz6");
  }

  @Test
  void conditionalDefinition() {
    // keepalived.conf(5): "@main $PRIORITY=240" / "@backup $PRIORITY=200".
    String text = "@main $PRIORITY=240\n@backup $PRIORITY=200\nvrrp_instance VI_0 {\n  priority $PRIORITY\n}\n";
    assertThat(read(text, "main").lines()).containsExactly("vrrp_instance|VI_0 {", "  priority|240");
    assertThat(read(text, "backup").lines()).containsExactly("vrrp_instance|VI_0 {", "  priority|200");
  }

  @Test
  void conditionalProducedBySubstitutionIsApplied() {
    // keepalived.conf(5): "$IF_MAIN=@main" then "$IF_MAIN priority 240".
    String text = "$IF_MAIN=@main\n$IF_MAIN priority 240\n";
    assertThat(read(text, "main").lines()).containsExactly("priority|240");
    assertThat(read(text, "backup").lines()).isEmpty();
  }

  @Test
  void conditionalInsideABlockAndBeforeABlock() {
    String text = "@main global_defs {\n  @main a\n  @other b\n}\n";
    assertThat(read(text, "main").lines()).containsExactly("global_defs {", "  a");
  }

  @Test
  void atSignInsideALineIsText() {
    assertThat(read("notification_email_from a@main\n", "main").lines()).containsExactly("notification_email_from|a@main");
  }

  @Test
  void unitApplyKeepsPlainLinesAndStripsBlanksAfterTheId() {
    Conditionals conditionals = new Conditionals("main");
    LineText plain = LineText.of("f", 1, "a b");
    assertThat(conditionals.apply(plain)).containsSame(plain);
    assertThat(conditionals.apply(LineText.of("f", 1, "@main   \t x")).map(LineText::text)).contains("x");
    assertThat(conditionals.apply(LineText.of("f", 1, "@^main x"))).isEmpty();
  }
}
