package io.keepalivedj.config;

import io.keepalivedj.config.model.KeywordEnum;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes the typed model as JSON, the shape {@code keepalivedj --dump-config} prints and
 * docs/config-json.md documents: a record is an object whose keys are its components in
 * declaration order, camelCase turned into keepalived's snake_case ({@code virtualRouterId} →
 * {@code virtual_router_id}); durations are seconds as numbers ({@code 1}, {@code 0.1}); addresses
 * are their literal text; enums are their keepalived keyword; an empty Optional is {@code null};
 * source positions are left out, so a dump does not depend on where the file lives. A record that
 * is one variant of a sealed type (a checker, a virtual server's endpoint) starts with a
 * {@code "type"} key: its {@code keyword()} when it has one ({@code HTTP_GET}), else its simple
 * name in snake_case ({@code address}, {@code fwmark}).
 */
public final class ConfigJson {
  private static final String INDENT = "  ";

  private ConfigJson() {}

  /** The model as indented JSON, ending with a newline. */
  public static String write(Object model) {
    StringBuilder sb = new StringBuilder();
    value(sb, model, 0);
    return sb.append('\n').toString();
  }

  private static void value(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Optional<?> o) {
      value(sb, o.orElse(null), depth);
    } else if (v instanceof OptionalInt o) {
      value(sb, o.isPresent() ? o.getAsInt() : null, depth);
    } else if (v instanceof OptionalLong o) {
      value(sb, o.isPresent() ? o.getAsLong() : null, depth);
    } else if (v instanceof OptionalDouble o) {
      value(sb, o.isPresent() ? o.getAsDouble() : null, depth);
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte) {
      sb.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(BigDecimal.valueOf(((Number) v).doubleValue()).stripTrailingZeros().toPlainString());
    } else if (v instanceof BigDecimal b) {
      sb.append(b.stripTrailingZeros().toPlainString());
    } else if (v instanceof Duration d) {
      sb.append(BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString());
    } else if (v instanceof InetAddress a) {
      string(sb, io.keepalivedj.config.model.AddressText.of(a));
    } else if (v instanceof Path p) {
      string(sb, p.toString());
    } else if (v instanceof KeywordEnum k) {
      string(sb, k.keyword());
    } else if (v instanceof Enum<?> e) {
      string(sb, e.name().toLowerCase(java.util.Locale.ROOT));
    } else if (v instanceof Collection<?> c) {
      array(sb, c, depth);
    } else if (v instanceof Map<?, ?> m) {
      map(sb, m, depth);
    } else if (v instanceof Record r) {
      record(sb, r, depth);
    } else {
      // Small value types (IpPrefix, Script) print as their configuration text.
      string(sb, v.toString());
    }
  }

  private static void record(StringBuilder sb, Record r, int depth) {
    if (r instanceof io.keepalivedj.config.model.IpPrefix || r instanceof io.keepalivedj.config.model.Script) {
      string(sb, r.toString());
      return;
    }
    sb.append('{');
    boolean first = true;
    Optional<String> variant = variantName(r);
    if (variant.isPresent()) {
      sb.append('\n');
      indent(sb, depth + 1);
      string(sb, "type");
      sb.append(": ");
      string(sb, variant.get());
      first = false;
    }
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getType() == SourcePosition.class) {
        continue;
      }
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, depth + 1);
      string(sb, snakeCase(c.getName()));
      sb.append(": ");
      value(sb, v, depth + 1);
    }
    if (!first) {
      sb.append('\n');
      indent(sb, depth);
    }
    sb.append('}');
  }

  /** The variant's name when the record implements a sealed interface, else empty. */
  private static Optional<String> variantName(Record r) {
    boolean sealedVariant = false;
    for (Class<?> i : r.getClass().getInterfaces()) {
      sealedVariant |= i.isSealed();
    }
    if (!sealedVariant) {
      return Optional.empty();
    }
    try {
      java.lang.reflect.Method keyword = r.getClass().getMethod("keyword");
      if (keyword.getReturnType() == String.class) {
        return Optional.of((String) keyword.invoke(r));
      }
    } catch (NoSuchMethodException e) {
      // no keyword: fall back to the simple name
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read keyword() of " + r.getClass(), e);
    }
    return Optional.of(snakeCase(r.getClass().getSimpleName()));
  }

  private static void array(StringBuilder sb, Collection<?> c, int depth) {
    if (c.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    boolean first = true;
    for (Object o : c) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, depth + 1);
      value(sb, o, depth + 1);
    }
    sb.append('\n');
    indent(sb, depth);
    sb.append(']');
  }

  private static void map(StringBuilder sb, Map<?, ?> m, int depth) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, depth + 1);
      string(sb, String.valueOf(e.getKey()));
      sb.append(": ");
      value(sb, e.getValue(), depth + 1);
    }
    sb.append('\n');
    indent(sb, depth);
    sb.append('}');
  }

  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void indent(StringBuilder sb, int depth) {
    sb.append(INDENT.repeat(depth));
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
