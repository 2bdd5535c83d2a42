package io.keepalivedj.config.lex;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Expands an include pattern as glibc's {@code glob(GLOB_BRACE)} does for keepalived: csh-style
 * braces first, each alternative globbed in the order written and its matches sorted (keepalived
 * 2.2.7: {@code include {c,a}.conf} reads c.conf then a.conf). It also counts, as keepalived's
 * {@code gl_opendir}/{@code gl_lstat} hooks do, names and directories that did not exist, which is
 * what decides between "missing" and "no match".
 */
final class GlobExpander {
  private GlobExpander() {}

  /**
   * What a pattern expanded to.
   *
   * @param matches the paths found, in reading order
   * @param missing how many plain names or directories did not exist
   * @param wildcards whether the pattern had {@code * ? [}
   * @param braces whether the pattern had a brace expression
   */
  record Result(List<Path> matches, int missing, boolean wildcards, boolean braces) {
    Result {
      matches = List.copyOf(matches);
    }
  }

  /** Expands {@code pattern}, relative names against {@code base}. */
  static Result expand(String pattern, Path base) {
    List<String> alternatives = expandBraces(pattern);
    List<Path> matches = new ArrayList<>();
    int[] missing = {0};
    boolean wildcards = false;
    for (String alternative : alternatives) {
      String resolved = base.resolve(alternative).toString();
      if (hasWildcard(alternative)) {
        wildcards = true;
        List<String> found = new ArrayList<>();
        walk(resolved.startsWith("/") ? "/" : "", List.of(resolved.split("/+")), 0, found, missing);
        found.sort(null);
        found.forEach(f -> matches.add(Path.of(f)));
      } else if (Files.exists(Path.of(resolved), LinkOption.NOFOLLOW_LINKS)) {
        matches.add(Path.of(resolved));
      } else {
        missing[0]++;
      }
    }
    return new Result(matches, missing[0], wildcards, alternatives.size() > 1 || hasBrace(pattern));
  }

  private static void walk(String prefix, List<String> segments, int index, List<String> found, int[] missing) {
    while (index < segments.size() && segments.get(index).isEmpty()) {
      index++;
    }
    if (index == segments.size()) {
      found.add(prefix);
      return;
    }
    String segment = segments.get(index);
    String dir = prefix.isEmpty() ? "." : prefix;
    String join = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    if (!hasWildcard(segment)) {
      String next = join + unescape(segment);
      if (index + 1 == segments.size()) {
        if (Files.exists(Path.of(next), LinkOption.NOFOLLOW_LINKS)) {
          found.add(next);
        } else {
          missing[0]++;
        }
      } else {
        walk(next, segments, index + 1, found, missing);
      }
      return;
    }
    Pattern regex = toRegex(segment);
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dir))) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (IOException | SecurityException e) {
      missing[0]++;
      return;
    }
    names.sort(null);
    for (String name : names) {
      // As glob(3) without GLOB_PERIOD: a leading dot must be matched by a literal dot.
      if (name.startsWith(".") && !segment.startsWith(".")) {
        continue;
      }
      if (regex.matcher(name).matches()) {
        String next = join + name;
        if (index + 1 == segments.size()) {
          found.add(next);
        } else if (Files.isDirectory(Path.of(next))) {
          walk(next, segments, index + 1, found, missing);
        }
      }
    }
  }

  /** csh-style brace expansion: {@code a{b,c{d,e}}f} gives abf, acdf, acef. */
  static List<String> expandBraces(String pattern) {
    int open = -1;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        open = i;
        break;
      }
    }
    if (open < 0) {
      return List.of(pattern);
    }
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int partStart = open + 1;
    int close = -1;
    for (int i = open + 1; i < pattern.length() && close < 0; i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          parts.add(pattern.substring(partStart, i));
          close = i;
        } else {
          depth--;
        }
      } else if (c == ',' && depth == 0) {
        parts.add(pattern.substring(partStart, i));
        partStart = i + 1;
      }
    }
    if (close < 0) {
      return List.of(pattern);
    }
    String head = pattern.substring(0, open);
    String tail = pattern.substring(close + 1);
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      out.addAll(expandBraces(head + part + tail));
    }
    return out;
  }

  static boolean hasWildcard(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBrace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        return true;
      }
    }
    return false;
  }

  private static String unescape(String s) {
    return s.replaceAll("\\\\(.)", "$1");
  }

  /** One path segment of a glob as a regex: {@code * ? [...] [!...] [^...] \x}. */
  static Pattern toRegex(String segment) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '\\' && i + 1 < segment.length()) {
        re.append(Pattern.quote(String.valueOf(segment.charAt(++i))));
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[' && segment.indexOf(']', i + 2) > 0) {
        int end = segment.indexOf(']', i + 2);
        String body = segment.substring(i + 1, end);
        boolean negate = body.startsWith("!") || body.startsWith("^");
        if (negate) {
          body = body.substring(1);
        }
        re.append('[').append(negate ? "^" : "");
        for (char b : body.toCharArray()) {
          re.append(b == '-' ? "-" : (Character.isLetterOrDigit(b) ? String.valueOf(b) : "\\" + b));
        }
        re.append(']');
        i = end;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
