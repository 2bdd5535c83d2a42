package io.keepalivedj.linux.netlink;

import io.keepalivedj.linux.LinuxException;
import java.util.Optional;

/**
 * A netlink request failed: the kernel's errno, the operation ({@code "ip addr add ..."}) and,
 * when the kernel explained itself (extended ACK), its text in {@link #extAckMessage()}.
 */
public class NetlinkException extends LinuxException {
  private static final long serialVersionUID = 1L;

  private final String extAckMessage;

  public NetlinkException(int errno, String operation, String extAckMessage) {
    super(errno, operation, extAckMessage);
    this.extAckMessage = extAckMessage;
  }

  /** NLMSGERR_ATTR_MSG, e.g. "ipv4: Address already assigned"; empty if the kernel gave none. */
  public Optional<String> extAckMessage() {
    return Optional.ofNullable(extAckMessage);
  }
}
