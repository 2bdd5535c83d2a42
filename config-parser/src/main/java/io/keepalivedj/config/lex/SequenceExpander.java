package io.keepalivedj.config.lex;

import io.keepalivedj.config.DiagnosticCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ~SEQ(var, [start,] [step,] end)}, {@code ~SEQx(...)} and {@code ~LST(...)} lines
 * (keepalived.conf(5), "Sequence blocks" and "List blocks"): the rest of the line is read once per
 * value with the variable(s) set. The rest may itself start with {@code ~SEQ}/{@code ~LST}, which
 * is how several on one line nest.
 */
final class SequenceExpander {
  private SequenceExpander() {}

  /** The values of one {@code ~SEQ}/{@code ~LST}, handed out one iteration at a time. */
  interface Sequence {
    boolean hasNext();

    /** Sets the variable(s) for the next iteration and returns the text to read with them. */
    LineText next(Variables variables);
  }

  static boolean isSequence(LineText line) {
    return line.text().startsWith("~SEQ") || line.text().startsWith("~LST");
  }

  /** Parses a line starting {@code ~SEQ}/{@code ~LST}; empty (and an error reported) if invalid. */
  static Optional<Sequence> parse(LineText line, Variables variables, DiagnosticCollector diagnostics) {
    Cursor c = new Cursor(line.text(), 4);
    String error = line.text().startsWith("~SEQ") ? parseSeq(c, line, variables) : parseLst(c, line);
    if (error != null) {
      String kind = line.text().startsWith("~SEQx") ? "~SEQx" : line.text().substring(0, 4);
      diagnostics.error(line.position(), "invalid " + kind + " specification: " + error, line.text(),
          kind.startsWith("~SEQ") ? kind + "(var, [start,] [step,] end) text" : "~LST(var, v1, v2, ...) or ~LST({v1, v2}, {a, b}, ...) text");
      return Optional.empty();
    }
    return Optional.of(c.result);
  }

  /** Parses {@code ~SEQ}; returns an error message or null, leaving the sequence in the cursor. */
  private static String parseSeq(Cursor c, LineText line, Variables variables) {
    boolean hex = c.peek() == 'x';
    if (hex) {
      c.pos++;
    }
    c.skipBlanks();
    if (!c.accept('(')) {
      return "missing '('";
    }
    c.skipBlanks();
    String var = c.until(" \t,)");
    c.skipBlanks();
    if (var.isEmpty() || !c.accept(',')) {
      return "missing variable name";
    }
    int close = c.text.indexOf(')', c.pos);
    if (close < 0) {
      return "missing terminating ')'";
    }
    // Parameters may use definitions: ~SEQ(N, 1, $COUNT).
    LineText paramLine = line.substring(c.pos, close + 1);
    Variables.Substituted sub = variables.substitute(paramLine);
    if (!sub.pending().isEmpty()) {
      return "a parameter is a multi-line definition";
    }
    Cursor p = new Cursor(sub.text().text(), 0);
    List<Long> numbers = new ArrayList<>();
    while (true) {
      Long n = p.strtol();
      if (n == null) {
        return "not a number at '" + p.rest() + "'";
      }
      numbers.add(n);
      p.skipBlanks();
      if (p.accept(')')) {
        break;
      }
      if (numbers.size() == 3 || !p.accept(',')) {
        return "expected ',' or ')' at '" + p.rest() + "'";
      }
    }
    long start;
    long step;
    long end;
    if (numbers.size() == 1) {
      // keepalived: one value is the end; start 1 (or -1 if end < 0), step 1 (or -1 if end < 1).
      end = numbers.get(0);
      step = end < 1 ? -1 : 1;
      start = end < 0 ? -1 : 1;
    } else if (numbers.size() == 2) {
      start = numbers.get(0);
      end = numbers.get(1);
      step = start <= end ? 1 : -1;
    } else {
      start = numbers.get(0);
      step = numbers.get(1);
      end = numbers.get(2);
      if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
        return "step " + step + " never goes from " + start + " to " + end;
      }
    }
    if (hex && (start < 0 || end < 0)) {
      return "~SEQx is only valid for positive numbers";
    }
    c.pos = close + 1;
    c.skipBlanks();
    c.result = new Range(var, start, step, end, hex, line.substring(c.pos));
    return null;
  }

  /** Parses {@code ~LST}, following keepalived's grammar: values are words without blanks. */
  private static String parseLst(Cursor c, LineText line) {
    c.skipBlanks();
    if (!c.accept('(')) {
      return "missing '('";
    }
    c.skipBlanks();
    char endChar = ',';
    if (c.accept('{')) {
      endChar = '}';
      c.skipBlanks();
    }
    List<String> names = new ArrayList<>();
    while (true) {
      String name = c.until(" \t,}");
      if (name.isEmpty()) {
        return "missing variable name";
      }
      names.add(name);
      c.skipBlanks();
      if (c.peek() == endChar) {
        break;
      }
      if (!c.accept(',')) {
        return "expected ',' after variable " + name;
      }
      c.skipBlanks();
    }
    if (c.accept('}')) {
      c.skipBlanks();
    }
    if (!c.accept(',')) {
      return "no values";
    }
    c.skipBlanks();
    List<List<String>> sets = new ArrayList<>();
    while (true) {
      char setEnd = ',';
      if (c.accept('{')) {
        setEnd = '}';
        c.skipBlanks();
      }
      List<String> values = new ArrayList<>();
      while (true) {
        values.add(c.until(" \t,})"));
        c.skipBlanks();
        if (c.peek() == setEnd || (c.peek() == ')' && setEnd == ',')) {
          break;
        }
        if (!c.accept(',')) {
          return "expected ',' at '" + c.rest() + "'";
        }
        c.skipBlanks();
        if (values.size() >= names.size()) {
          return "too many values";
        }
      }
      // Missing values of a set are empty (keepalived).
      while (values.size() < names.size()) {
        values.add("");
      }
      sets.add(values);
      if (setEnd == '}' && c.accept('}')) {
        c.skipBlanks();
      }
      if (c.accept(')')) {
        break;
      }
      if (!c.accept(',')) {
        return "expected ',' or ')' at '" + c.rest() + "'";
      }
      c.skipBlanks();
    }
    c.skipBlanks();
    c.result = new Values(names, sets, line.substring(c.pos));
    return null;
  }

  /** {@code ~SEQ}: the first value is always read, then while not past the end. */
  private static final class Range implements Sequence {
    private final String var;
    private final long step;
    private final long end;
    private final boolean hex;
    private final LineText text;
    private long next;
    private boolean done;

    Range(String var, long start, long step, long end, boolean hex, LineText text) {
      this.var = var;
      this.next = start;
      this.step = step;
      this.end = end;
      this.hex = hex;
      this.text = text;
    }

    @Override
    public boolean hasNext() {
      return !done;
    }

    @Override
    public LineText next(Variables variables) {
      variables.set(var, hex ? Long.toHexString(next) : Long.toString(next));
      next += step;
      done = step > 0 ? next > end : next < end;
      return text;
    }
  }

  /** {@code ~LST}: one set of values per iteration, all variables set together. */
  private static final class Values implements Sequence {
    private final List<String> names;
    private final List<List<String>> sets;
    private final LineText text;
    private int index;

    Values(List<String> names, List<List<String>> sets, LineText text) {
      this.names = List.copyOf(names);
      this.sets = List.copyOf(sets);
      this.text = text;
    }

    @Override
    public boolean hasNext() {
      return index < sets.size();
    }

    @Override
    public LineText next(Variables variables) {
      List<String> values = sets.get(index++);
      for (int i = 0; i < names.size(); i++) {
        variables.set(names.get(i), values.get(i));
      }
      return text;
    }
  }

  /** A read position in the specification text. */
  private static final class Cursor {
    final String text;
    int pos;
    Sequence result;

    Cursor(String text, int pos) {
      this.text = text;
      this.pos = pos;
    }

    char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean accept(char c) {
      if (peek() == c) {
        pos++;
        return true;
      }
      return false;
    }

    void skipBlanks() {
      while (Decommenter.isBlank(peek())) {
        pos++;
      }
    }

    String until(String stops) {
      int start = pos;
      while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      return text.substring(start, pos);
    }

    String rest() {
      return text.substring(pos);
    }

    /** C's {@code strtol(s, &end, 0)}: blanks, sign, then 0x hex, 0 octal or decimal. */
    Long strtol() {
      skipBlanks();
      int start = pos;
      boolean negative = false;
      if (peek() == '+' || peek() == '-') {
        negative = peek() == '-';
        pos++;
      }
      int radix = 10;
      if (peek() == '0' && pos + 1 < text.length() && (text.charAt(pos + 1) | 0x20) == 'x'
          && pos + 2 < text.length() && Character.digit(text.charAt(pos + 2), 16) >= 0) {
        radix = 16;
        pos += 2;
      } else if (peek() == '0') {
        radix = 8;
      }
      int digitsStart = pos;
      long value = 0;
      while (pos < text.length() && Character.digit(text.charAt(pos), radix) >= 0) {
        value = value * radix + Character.digit(text.charAt(pos), radix);
        pos++;
      }
      if (pos == digitsStart) {
        pos = start;
        return null;
      }
      return negative ? -value : value;
    }
  }
}
