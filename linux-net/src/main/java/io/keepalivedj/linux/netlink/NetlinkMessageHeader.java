package io.keepalivedj.linux.netlink;

/**
 * struct nlmsghdr (uapi/linux/netlink.h). {@code seq} and {@code pid} are __u32 kept in an int
 * (compare with ==, print with Integer.toUnsignedString); type and flags are __u16.
 *
 * @param len   whole message length including this 16-byte header, unaligned
 * @param type  NLMSG_* or a family's message type
 * @param flags NLM_F_*
 * @param seq   sequence number, echoed by the kernel
 * @param pid   port id: the sender's (0 for the kernel) or, in replies, the requester's
 */
public record NetlinkMessageHeader(int len, int type, int flags, int seq, int pid) {
  public NetlinkMessageHeader {
    if (len < NetlinkUapi.NLMSG_HDRLEN) {
      throw new IllegalArgumentException("nlmsg_len below the 16-byte header: " + len);
    }
    if (type < 0 || type > 0xffff) {
      throw new IllegalArgumentException("nlmsg_type not a u16: " + type);
    }
    if (flags < 0 || flags > 0xffff) {
      throw new IllegalArgumentException("nlmsg_flags not a u16: " + flags);
    }
  }

  public boolean hasFlags(int mask) {
    return (flags & mask) == mask;
  }
}
