package io.keepalivedj.linux.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the hex vectors under src/test/resources/golden (see the README there). */
public final class Golden {
  private Golden() {
  }

  public static byte[] bytes(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".hex")) {
      if (in == null) {
        throw new IllegalArgumentException("no golden vector " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
      return HexFormat.of().parseHex(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vector cut to its first message's nlmsg_len (ip pads some sends with zeros). */
  public static byte[] firstMessage(String name) {
    byte[] all = bytes(name);
    int length = ByteBuffer.wrap(all).order(ByteOrder.nativeOrder()).getInt(0);
    byte[] message = new byte[length];
    System.arraycopy(all, 0, message, 0, length);
    return message;
  }

  public static ByteBuffer buffer(String name) {
    return ByteBuffer.wrap(bytes(name)).order(ByteOrder.nativeOrder());
  }

  /** nlmsg_seq of the vector's first message, so our encoding can reuse it. */
  public static int seq(String name) {
    return buffer(name).getInt(8);
  }

  public static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
