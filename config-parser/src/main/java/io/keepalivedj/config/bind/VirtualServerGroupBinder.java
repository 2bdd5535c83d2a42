package io.keepalivedj.config.bind;

import java.util.regex.Pattern;
import io.keepalivedj.config.model.LvsIpFamily;
import io.keepalivedj.config.model.VirtualServerGroup;
import io.keepalivedj.config.model.VirtualServerGroupEntry;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Binds {@code virtual_server_group NAME { ... }}: its lines are {@code IP [PORT]},
 * {@code a.b.c.d-e [PORT]}, {@code a.b.c.d-a.b.c.z [PORT]}, {@code ADDR/LEN [PORT]} and
 * {@code fwmark N [inet|inet6]} (keepalived 2.2.7 {@code alloc_vsg_entry}). A bad line is
 * reported and skipped; a group left with no line is reported and dropped, as keepalived does.
 */
final class VirtualServerGroupBinder {
  private static final Pattern UP_TO_3_DIGITS = Pattern.compile("[0-9]{1,3}");

  private VirtualServerGroupBinder() {}

  static Optional<VirtualServerGroup> bind(ConfigNode node, BindContext ctx) {
    Optional<Token> name = ctx.arg(node, 0, "a group name");
    if (name.isEmpty() || !ctx.requireBlock(node)) {
      return Optional.empty();
    }
    List<VirtualServerGroupEntry> entries = new ArrayList<>();
    for (ConfigNode n : node.children()) {
      Optional<VirtualServerGroupEntry> e = n.name().equals("fwmark") ? fwmark(n, ctx) : range(n, ctx);
      e.ifPresent(entries::add);
    }
    if (entries.isEmpty()) {
      ctx.error(node, "virtual_server_group " + name.get().text() + " has no entries - removing", "IP [PORT] or fwmark N lines");
      return Optional.empty();
    }
    try {
      return Optional.of(new VirtualServerGroup(name.get().text(), entries, node.position()));
    } catch (IllegalArgumentException mixed) {
      // The one rule the lines cannot break alone: IPv4, IPv6 and a fwmark without family.
      ctx.error(node, "virtual_server_group " + name.get().text()
          + " cannot have IPv4, IPv6 and a fwmark without family - removing", "fwmark N inet|inet6");
      return Optional.empty();
    }
  }

  private static Optional<VirtualServerGroupEntry> fwmark(ConfigNode n, BindContext ctx) {
    OptionalLong mark = ctx.longArg(n, 0, 0, LvsValues.UINT32_MAX);
    if (mark.isEmpty()) {
      return Optional.empty();
    }
    Optional<LvsIpFamily> family = Optional.empty();
    if (n.argCount() > 1) {
      family = ctx.parseEnum(n.args().get(1), LvsIpFamily.class);
      if (family.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new VirtualServerGroupEntry.Fwmark(mark.getAsLong(), family, n.position()));
  }

  private static Optional<VirtualServerGroupEntry> range(ConfigNode n, BindContext ctx) {
    Token t = n.keyword();
    int port = 0;
    if (n.argCount() > 0) {
      OptionalInt p = ctx.parseInt(n.args().get(0), 0, 65535);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      port = p.getAsInt();
    }
    String text = t.text();
    int slash = text.indexOf('/');
    int dash = text.indexOf('-');
    String start = slash >= 0 ? text.substring(0, slash) : dash >= 0 ? text.substring(0, dash) : text;
    Optional<InetAddress> first = IpLiterals.parse(start);
    if (first.isEmpty()) {
      ctx.error(t, "invalid virtual server group address", "IP, IP-END, IP-IP or IP/LEN");
      return Optional.empty();
    }
    byte[] bytes = first.get().getAddress();
    if (slash >= 0) {
      String len = text.substring(slash + 1);
      int max = bytes.length * 8;
      if (!UP_TO_3_DIGITS.matcher(len).matches() || Integer.parseInt(len) < 1 || Integer.parseInt(len) > max) {
        ctx.error(t, "invalid netmask", "a prefix length in [1, " + max + "]");
        return Optional.empty();
      }
      int prefix = Integer.parseInt(len);
      BigInteger hostMask = BigInteger.ONE.shiftLeft(max - prefix).subtract(BigInteger.ONE);
      BigInteger value = new BigInteger(1, bytes);
      if (!value.and(hostMask).equals(BigInteger.ZERO)) {
        ctx.error(t, "address has bits set outside the prefix", "a network address");
        return Optional.empty();
      }
      return Optional.of(entry(first.get(), toAddress(value.or(hostMask), bytes.length), port, n));
    }
    if (dash < 0) {
      return Optional.of(VirtualServerGroupEntry.AddressRange.single(first.get(), port, n.position()));
    }
    String end = text.substring(dash + 1);
    boolean v4 = first.get() instanceof Inet4Address;
    if (end.indexOf(v4 ? '.' : ':') >= 0) {
      Optional<InetAddress> last = IpLiterals.parse(end);
      if (last.isEmpty()) {
        ctx.error(t, "invalid range end", "an address of the same family");
        return Optional.empty();
      }
      if (last.get().getClass() != first.get().getClass()) {
        ctx.error(t, "range address families do not match", "an address of the same family");
        return Optional.empty();
      }
      if (Arrays.compareUnsigned(bytes, last.get().getAddress()) > 0) {
        ctx.error(t, "address range end is less than its start", "an end not below the start");
        return Optional.empty();
      }
      return Optional.of(entry(first.get(), last.get(), port, n));
    }
    // a.b.c.d-e: the last byte (IPv4, decimal) or the last 16-bit group (IPv6, hex) runs to e.
    int radix = v4 ? 10 : 16;
    int limit = v4 ? 255 : 0xffff;
    if (!end.matches(v4 ? "[0-9]{1,3}" : "[0-9A-Fa-f]{1,4}") || Integer.parseInt(end, radix) > limit) {
      ctx.error(t, "invalid range end", v4 ? "a last byte in [0, 255]" : "a last group in [0, ffff]");
      return Optional.empty();
    }
    int e = Integer.parseInt(end, radix);
    byte[] lastBytes = bytes.clone();
    int startValue;
    if (v4) {
      startValue = bytes[3] & 0xff;
      lastBytes[3] = (byte) e;
    } else {
      startValue = ((bytes[14] & 0xff) << 8) | (bytes[15] & 0xff);
      lastBytes[14] = (byte) (e >> 8);
      lastBytes[15] = (byte) e;
    }
    if (startValue >= e) {
      ctx.error(t, "address range end is not greater than its start", "an end above " + (v4 ? startValue : Integer.toHexString(startValue)));
      return Optional.empty();
    }
    return Optional.of(entry(first.get(), toAddress(lastBytes), port, n));
  }

  private static VirtualServerGroupEntry entry(InetAddress first, InetAddress last, int port, ConfigNode n) {
    return new VirtualServerGroupEntry.AddressRange(first, last, port, n.position());
  }

  private static InetAddress toAddress(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return toAddress(out);
  }

  private static InetAddress toAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes", e);
    }
  }
}
