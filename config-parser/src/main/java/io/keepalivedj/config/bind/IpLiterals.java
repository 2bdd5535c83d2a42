package io.keepalivedj.config.bind;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals without a resolver: {@link InetAddress#getByName} is only called on text
 * already known to be a literal, so a typo never becomes a DNS query.
 */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiterals() {}

  public static Optional<InetAddress> parse(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    boolean v4 = IPV4.matcher(text).matches();
    boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(v6 ? "[" + text + "]" : text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  public static boolean isIpv6(String text) {
    return parse(text).map(a -> a instanceof java.net.Inet6Address).orElse(false);
  }
}
