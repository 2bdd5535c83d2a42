package io.keepalivedj.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every keyword keepalived 2.2.7 registers (keywords/keepalived-2.2.7-keywords.tsv, made from its
 * keyword tables and checked against Debian's binary) is known to our binders in the same block:
 * placed there, it may draw a complaint about its value but never "unknown keyword". So no
 * configuration keepalived reads is rejected for a word we forgot.
 */
class KeywordCoverageTest {

  /** How each block of a path opens; named blocks get a placeholder name. */
  private static final Map<String, String> OPENERS = Map.ofEntries(
      Map.entry("global_defs", "global_defs {"),
      Map.entry("vrrp_instance", "vrrp_instance VI_T {"),
      Map.entry("authentication", "authentication {"),
      Map.entry("vrrp_script", "vrrp_script chk_t {"),
      Map.entry("vrrp_track_process", "vrrp_track_process proc_t {"),
      Map.entry("track_file", "track_file file_t {"),
      Map.entry("vrrp_track_file", "vrrp_track_file file_t {"),
      Map.entry("vrrp_sync_group", "vrrp_sync_group group_t {"),
      Map.entry("garp_group", "garp_group {"),
      Map.entry("track_group", "track_group tg_t {"),
      Map.entry("bfd_instance", "bfd_instance bfd_t {"),
      Map.entry("SSL", "SSL {"),
      Map.entry("virtual_server", "virtual_server 192.0.2.1 80 {"),
      Map.entry("real_server", "real_server 192.0.2.5 80 {"),
      Map.entry("url", "url {"),
      Map.entry("host", "host {"));

  private static final Set<String> CHECKERS = Set.of(
      "HTTP_GET", "SSL_GET", "TCP_CHECK", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK",
      "PING_CHECK", "FILE_CHECK", "BFD_CHECK");

  record Row(String block, String keyword, boolean opensBlock) {
    @Override
    public String toString() {
      return block + " / " + keyword;
    }
  }

  static Stream<Row> keywords() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        KeywordCoverageTest.class.getResourceAsStream("/keywords/keepalived-2.2.7-keywords.tsv"),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.startsWith("block\t") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        rows.add(new Row(f[0], f[1], f[2].startsWith("yes")));
      }
    }
    assertThat(rows).hasSizeGreaterThan(400);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keywords")
  void keywordIsKnownInItsBlock(Row row) {
    List<String> path = row.block().equals("-") ? List.of() : List.of(row.block().split("/"));
    StringBuilder text = new StringBuilder();
    for (String block : path) {
      text.append(opener(block)).append('\n');
    }
    int line = path.size() + 1;
    if (row.opensBlock()) {
      boolean named = path.isEmpty() && OPENERS.containsKey(row.keyword()) && !row.keyword().equals("global_defs")
          && !row.keyword().equals("SSL") && !row.keyword().equals("garp_group");
      text.append(named ? opener(row.keyword()) : row.keyword() + " {").append("\n}\n");
    } else {
      text.append(row.keyword()).append(" 1\n");
    }
    text.append("}\n".repeat(path.size()));

    ParseResult result = ConfigParser.check(text.toString(), "keywords.conf", Path.of("."),
        ParseOptions.defaults().withConfigId("test"));

    final int at = line;
    assertThat(result.diagnostics())
        .as("%s%n%s", text, result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")))
        .noneMatch(d -> d.position().line() == at && d.message().startsWith("unknown keyword"));
  }

  private static String opener(String block) {
    if (CHECKERS.contains(block)) {
      return block + " {";
    }
    String o = OPENERS.get(block);
    if (o == null) {
      throw new IllegalArgumentException("no opener for block " + block);
    }
    return o;
  }
}
