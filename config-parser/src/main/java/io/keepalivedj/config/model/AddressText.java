package io.keepalivedj.config.model;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An address as people write it: IPv4 dotted quad, IPv6 in RFC 5952's canonical form
 * ({@code ff02::12}, not Java's {@code ff02:0:0:0:0:0:0:12}), with {@code %scope} when the address
 * has a scope id.
 */
public final class AddressText {
  private AddressText() {}

  public static String of(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address.getHostAddress();
    }
    byte[] b = v6.getAddress();
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    // RFC 5952 §4.2: the longest run of two or more zero words becomes "::", the first on a tie.
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(words[i]));
    }
    if (v6.getScopeId() != 0 || v6.getScopedInterface() != null) {
      sb.append('%').append(v6.getScopedInterface() != null ? v6.getScopedInterface().getName() : v6.getScopeId());
    }
    return sb.toString();
  }
}
