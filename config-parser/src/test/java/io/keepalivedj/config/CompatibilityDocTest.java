package io.keepalivedj.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/keepalived-conf-compatibility.md lists every keyword keepalived 2.2.7 registers, in its
 * block, with a status from the legend; so the page cannot silently fall behind the keyword list.
 */
class CompatibilityDocTest {
  private static final Pattern HEADING = Pattern.compile("^### `(.*)`");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| [^|]* \\| ([^|]*) \\|");

  @Test
  void everyKeywordOfKeepalivedHasARowWithAKnownStatus() throws IOException {
    Path root = Path.of(System.getProperty("keepalivedj.project.root", "..")).toAbsolutePath().normalize();
    Map<String, String> statusByBlockAndKeyword = new HashMap<>();
    String block = null;
    for (String line : Files.readAllLines(root.resolve("docs/keepalived-conf-compatibility.md"))) {
      Matcher h = HEADING.matcher(line);
      if (h.find()) {
        block = h.group(1);
        continue;
      }
      Matcher r = ROW.matcher(line);
      if (block != null && r.find()) {
        statusByBlockAndKeyword.put(block + " " + r.group(1), r.group(2).trim());
      }
    }

    Set<String> missing = new HashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/keywords/keepalived-2.2.7-keywords.tsv"), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("#") || line.startsWith("block\t")) {
          continue;
        }
        String[] f = line.split("\t");
        String key = f[0] + " " + f[1];
        String status = statusByBlockAndKeyword.get(key);
        if (status == null) {
          missing.add(key);
        } else {
          assertThat(status).as(key).matches("(parsed|recognised, kept raw|not supported).*");
        }
      }
    }
    assertThat(missing).as("keywords without a row in docs/keepalived-conf-compatibility.md").isEmpty();
  }
}
