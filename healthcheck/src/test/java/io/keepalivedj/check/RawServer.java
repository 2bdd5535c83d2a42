package io.keepalivedj.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback TCP server whose behaviour a test scripts per connection. */
final class RawServer implements AutoCloseable {

    @FunctionalInterface
    interface Handler {
        void handle(Socket socket, byte[] request) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    RawServer(Handler handler) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    byte[] req = readRequest(s.getInputStream());
                    requests.add(new String(req, StandardCharsets.ISO_8859_1));
                    handler.handle(s, req);
                } catch (IOException e) {
                    // Server closed or client went away: the test's assertion covers it.
                }
            }
        }, "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Answers every request with {@code response} and closes. */
    static RawServer replying(String response) throws IOException {
        return new RawServer((s, req) -> {
            try (OutputStream out = s.getOutputStream()) {
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
            }
        });
    }

    private static byte[] readRequest(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
