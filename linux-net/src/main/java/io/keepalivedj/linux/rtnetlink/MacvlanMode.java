package io.keepalivedj.linux.rtnetlink;

/**
 * enum macvlan_mode in uapi/linux/if_link.h (IFLA_MACVLAN_MODE). keepalived's use_vmac makes
 * private ones by default ({@code vmac_xmit_base} aside).
 */
public enum MacvlanMode implements KernelCode {
  /** Frames between macvlans of the same parent are dropped. */
  PRIVATE(RtnetlinkUapi.MACVLAN_MODE_PRIVATE, "private"),
  /** Frames between macvlans go out to the external switch (hairpin). */
  VEPA(RtnetlinkUapi.MACVLAN_MODE_VEPA, "vepa"),
  /** Macvlans of the same parent talk directly. */
  BRIDGE(RtnetlinkUapi.MACVLAN_MODE_BRIDGE, "bridge"),
  /** One macvlan takes over the parent (and its promiscuous mode). */
  PASSTHRU(RtnetlinkUapi.MACVLAN_MODE_PASSTHRU, "passthru"),
  /** Frames are assigned by source MAC address list. */
  SOURCE(RtnetlinkUapi.MACVLAN_MODE_SOURCE, "source");

  private final int code;
  private final String ipName;

  MacvlanMode(int code, String ipName) {
    this.code = code;
    this.ipName = ipName;
  }

  @Override
  public int code() {
    return code;
  }

  /** The word {@code ip link add ... type macvlan mode} takes. */
  public String ipName() {
    return ipName;
  }

  public static MacvlanMode fromCode(int code) {
    return KernelCode.fromCode(MacvlanMode.class, code, "a MACVLAN_MODE_*");
  }
}
