package io.keepalivedj.bench.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The real servers of {@link ChecksBench}, in their own process so their CPU is not the
 * checker's: one NIO thread listening on N ports of 127.0.0.1, answering every request with
 * {@code HTTP/1.0 200 OK} and closing (so TIME_WAIT lands here, not on the checker), like the
 * single-threaded epoll responder the keepalived anchors were measured with.
 *
 * <p>Protocol: {@code java ... HttpResponder N} prints {@code PORT p} N times then {@code READY};
 * on stdin, {@code close i j k} closes the listeners with those indexes (0-based) and prints
 * {@code CLOSED count}; {@code count} prints {@code COUNT n}, the requests answered so far, so
 * a checker that counts nothing itself (keepalived) can be measured in checks per second; end
 * of stdin exits.
 */
public final class HttpResponder {
  private static final byte[] RESPONSE = "HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private HttpResponder() {}

  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    Selector selector = Selector.open();
    ServerSocketChannel[] listeners = new ServerSocketChannel[n];
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    for (int i = 0; i < n; i++) {
      ServerSocketChannel s = ServerSocketChannel.open();
      s.bind(new InetSocketAddress(lo, 0), 1024);
      s.configureBlocking(false);
      s.register(selector, SelectionKey.OP_ACCEPT);
      listeners[i] = s;
      out.println("PORT " + s.socket().getLocalPort());
    }
    out.println("READY");
    out.flush();

    Queue<String> commands = new ConcurrentLinkedQueue<>();
    Thread stdin = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("close ") || line.equals("count")) {
            commands.add(line);
            selector.wakeup();
          }
        }
      } catch (IOException e) {
        // The bench went away: exit below.
      }
      System.exit(0);
    }, "stdin");
    stdin.setDaemon(true);
    stdin.start();

    ByteBuffer sink = ByteBuffer.allocate(4096);
    long answered = 0;
    while (true) {
      selector.select();
      String command;
      while ((command = commands.poll()) != null) {
        if (command.equals("count")) {
          out.println("COUNT " + answered);
        } else {
          String[] words = command.substring("close ".length()).trim().split("\\s+");
          for (String w : words) {
            listeners[Integer.parseInt(w)].close();
          }
          out.println("CLOSED " + words.length);
        }
        out.flush();
      }
      Iterator<SelectionKey> it = selector.selectedKeys().iterator();
      while (it.hasNext()) {
        SelectionKey key = it.next();
        it.remove();
        if (!key.isValid()) {
          continue;
        }
        if (key.isAcceptable()) {
          SocketChannel c;
          while ((c = ((ServerSocketChannel) key.channel()).accept()) != null) {
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
          }
        } else if (key.isReadable()) {
          SocketChannel c = (SocketChannel) key.channel();
          try {
            sink.clear();
            if (c.read(sink) < 0) {
              c.close();
              continue;
            }
            // keepalived's request fits one segment; answer as soon as any of it arrives.
            c.write(ByteBuffer.wrap(RESPONSE));
            answered++;
          } catch (IOException e) {
            // The checker reset: nothing to answer.
          }
          c.close();
        }
      }
    }
  }
}
