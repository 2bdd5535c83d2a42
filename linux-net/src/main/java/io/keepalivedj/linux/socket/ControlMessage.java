package io.keepalivedj.linux.socket;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One ancillary data item (cmsg(3)): {@code cmsg_level}, {@code cmsg_type} and the data that
 * follows struct cmsghdr, without padding. The data is a read-only private copy; the accessor
 * hands out an independent view, so the record is immutable and equal by content.
 */
public record ControlMessage(int level, int type, ByteBuffer data) {
  public ControlMessage {
    Objects.requireNonNull(data, "data");
    ByteBuffer copy = ByteBuffer.allocate(data.remaining());
    copy.put(data.duplicate()).flip();
    data = copy.asReadOnlyBuffer();
  }

  /** The data bytes, position 0, in a read-only buffer of its own. */
  @Override
  public ByteBuffer data() {
    return data.duplicate();
  }

  public int dataLength() {
    return data.remaining();
  }
}
