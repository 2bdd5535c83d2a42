package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.LvsMethod;
import io.keepalivedj.config.model.LvsTunnel;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Value readers the LVS side shares beyond {@link BindContext}'s: limits as keepalived 2.2.7
 * states them, the {@code lvs_method} line with its tunnel options, optional booleans and hex
 * strings.
 */
final class LvsValues {
  /** keepalived timers are microseconds. */
  static final Duration MICROSECOND = Duration.ofNanos(1000);
  /** Timers keepalived reads with no upper limit: as far as a Duration in nanoseconds reaches. */
  static final Duration TIMER_MAX = Duration.ofNanos(Long.MAX_VALUE / 1000 * 1000);
  /** {@code connect_timeout} is an unsigned int of microseconds. */
  static final Duration CONNECT_TIMEOUT_MAX = Duration.ofNanos(0xFFFF_FFFFL * 1000L);
  static final long UINT32_MAX = 0xFFFF_FFFFL;
  static final int WEIGHT_MAX = Integer.MAX_VALUE;

  private LvsValues() {}

  /** A forwarding method with its tunnel options. */
  record Forwarding(LvsMethod method, Optional<LvsTunnel> tunnel) {}

  /**
   * {@code lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]} (also
   * {@code lb_kind}, {@code sorry_server_lvs_method}). Empty after a diagnostic; keepalived then
   * keeps the previous method.
   */
  static Optional<Forwarding> forwarding(ConfigNode node, BindContext ctx) {
    Optional<LvsMethod> method = ctx.enumArg(node, 0, LvsMethod.class);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    List<Token> args = node.args();
    if (method.get() != LvsMethod.TUN) {
      if (args.size() > 1) {
        ctx.error(args.get(1), "tunnel options only apply to lvs_method TUN", "no further words");
        return Optional.empty();
      }
      return Optional.of(new Forwarding(method.get(), Optional.empty()));
    }
    LvsTunnel.Type type = LvsTunnel.Type.IPIP;
    int port = 0;
    LvsTunnel.Checksum checksum = LvsTunnel.Checksum.NOCSUM;
    for (int i = 1; i < args.size(); i++) {
      Token t = args.get(i);
      switch (t.text()) {
        case "type": {
          Optional<Token> v = ctx.arg(node, ++i, "a tunnel type (ipip, gue or gre)");
          if (v.isEmpty()) {
            return Optional.empty();
          }
          Optional<LvsTunnel.Type> parsed = ctx.parseEnum(v.get(), LvsTunnel.Type.class);
          if (parsed.isEmpty()) {
            return Optional.empty();
          }
          type = parsed.get();
          break;
        }
        case "port": {
          Optional<Token> v = ctx.arg(node, ++i, "the gue tunnel port");
          if (v.isEmpty()) {
            return Optional.empty();
          }
          var p = ctx.parseInt(v.get(), 1, 65535);
          if (p.isEmpty()) {
            return Optional.empty();
          }
          port = p.getAsInt();
          break;
        }
        case "nocsum":
        case "csum":
        case "remcsum":
          checksum = LvsTunnel.Checksum.valueOf(t.text().toUpperCase(Locale.ROOT));
          break;
        default:
          ctx.error(t, "invalid tunnel option", "type, port, nocsum, csum or remcsum");
          return Optional.empty();
      }
    }
    if ((type == LvsTunnel.Type.GUE) != (port != 0)) {
      ctx.error(node, "gue tunnels require a port, other tunnel types cannot have one", "type gue port N");
      return Optional.empty();
    }
    if (type == LvsTunnel.Type.IPIP && checksum != LvsTunnel.Checksum.NOCSUM) {
      ctx.error(node, "ipip tunnels do not support a checksum option", "nocsum");
      return Optional.empty();
    }
    if (type == LvsTunnel.Type.GRE && checksum == LvsTunnel.Checksum.REMCSUM) {
      ctx.error(node, "gre tunnels do not support the remote checksum option", "nocsum or csum");
      return Optional.empty();
    }
    return Optional.of(new Forwarding(LvsMethod.TUN, Optional.of(new LvsTunnel(type, port, checksum))));
  }

  /**
   * The optional {@code PORT} after the address of {@code real_server}, {@code sorry_server} or
   * {@code virtual_server}: 0 when absent, empty (after a diagnostic) when not 0..65535.
   */
  static OptionalInt optionalPort(ConfigNode node, BindContext ctx) {
    return node.argCount() > 1 ? ctx.parseInt(node.args().get(1), 0, 65535) : OptionalInt.of(0);
  }

  /**
   * A keyword with an optional {@code <BOOL>}: bare means true; a bad value is reported and
   * ignored (empty), as keepalived ignores the line.
   */
  static Optional<Boolean> optionalBool(ConfigNode node, BindContext ctx) {
    if (node.args().isEmpty()) {
      return Optional.of(true);
    }
    return ctx.parseBool(node.args().get(0));
  }

  /**
   * The argument after the keyword as one string, or empty with a diagnostic when missing.
   */
  static Optional<String> text(ConfigNode node, BindContext ctx, String what) {
    return ctx.arg(node, 0, what).map(Token::text);
  }

  /**
   * A hex byte string as keepalived's {@code read_hex_str} reads it: bytes of one or two hex
   * digits, separated by spaces or not; with {@code mask}, {@code x} stands for any nibble.
   * Returns two lower-case digits per byte, or empty when the text is not such a string.
   */
  static Optional<String> hexBytes(String text, boolean mask) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char hi = Character.toLowerCase(text.charAt(i++));
      if (!isHex(hi, mask)) {
        return Optional.empty();
      }
      if (i < n && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        char lo = Character.toLowerCase(text.charAt(i++));
        if (!isHex(lo, mask)) {
          return Optional.empty();
        }
        out.append(hi).append(lo);
      } else {
        out.append('0').append(hi);
      }
    }
    return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
  }

  private static boolean isHex(char c, boolean mask) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (mask && c == 'x');
  }

  /**
   * A script keyword that may appear once in its block ({@code notify_up}, {@code quorum_up}, ...):
   * a second one is reported and ignored, as keepalived does. Returns whether a script is set now.
   */
  static boolean scriptOnce(ConfigNode n, BindContext ctx, boolean alreadySet,
      Consumer<Script> set) {
    if (alreadySet) {
      ctx.error(n, n.name() + " script already specified - ignoring", "one " + n.name());
      return true;
    }
    Optional<Script> s = ctx.scriptArg(n, 0);
    s.ifPresent(set);
    return s.isPresent();
  }
}
