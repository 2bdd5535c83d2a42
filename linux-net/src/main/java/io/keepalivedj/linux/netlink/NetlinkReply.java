package io.keepalivedj.linux.netlink;

import java.util.List;

/**
 * The data messages answering one request, in order (for a plain request that the kernel
 * acknowledged without data: empty).
 *
 * @param dumpInterrupted the kernel set NLM_F_DUMP_INTR: the table changed during the dump, so
 *                        it may be inconsistent; callers usually retry
 */
public record NetlinkReply(List<NetlinkMessage> messages, boolean dumpInterrupted) {
  public NetlinkReply {
    messages = List.copyOf(messages);
  }
}
