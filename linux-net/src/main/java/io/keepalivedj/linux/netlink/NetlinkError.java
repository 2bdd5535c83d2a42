package io.keepalivedj.linux.netlink;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel's verdict on a request: an NLMSG_ERROR (errno 0 is a plain ACK) or the error code
 * of a dump's NLMSG_DONE, with the extended-ACK text and offset when the kernel gave them
 * (NETLINK_EXT_ACK, Linux 4.12+).
 *
 * @param errno           positive errno, or 0 for success
 * @param request         the echoed header of the request (absent for NLMSG_DONE)
 * @param message         NLMSGERR_ATTR_MSG, e.g. "ipv4: Address already assigned"
 * @param attributeOffset NLMSGERR_ATTR_OFFS: byte offset of the offending attribute in the request
 */
public record NetlinkError(int errno, Optional<NetlinkMessageHeader> request,
    Optional<String> message, OptionalInt attributeOffset) {
  public NetlinkError {
    if (errno < 0 || errno > 4095) {
      throw new IllegalArgumentException("errno out of range: " + errno);
    }
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(attributeOffset, "attributeOffset");
  }

  public boolean isAck() {
    return errno == 0;
  }
}
