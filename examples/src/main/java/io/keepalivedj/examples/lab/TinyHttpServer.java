package io.keepalivedj.examples.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The real servers' web server when no python3 is installed: {@code GET /} answers 200 with the
 * document root's index.html, anything else 404. Each request is logged to stderr in the format
 * of python3's http.server ({@code 192.0.2.2 - - [date] "GET / HTTP/1.0" 200 -}), so the lab reads
 * who asked the same way for both. Run it inside a namespace:
 * {@code ip netns exec NS java -cp ... TinyHttpServer 192.0.2.5 80 /path/to/docroot}.
 */
public final class TinyHttpServer {
  private static final DateTimeFormatter LOG_DATE =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

  private TinyHttpServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: TinyHttpServer ADDRESS PORT DOCROOT");
      System.exit(2);
    }
    InetAddress address = InetAddress.getByName(args[0]);
    int port = Integer.parseInt(args[1]);
    byte[] index = Files.readAllBytes(Path.of(args[2], "index.html"));
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
    server.createContext("/", exchange -> answer(exchange, index));
    server.start();
    System.err.println("Serving HTTP on " + address.getHostAddress() + " port " + port);
  }

  private static void answer(HttpExchange exchange, byte[] index) throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean found = exchange.getRequestMethod().equals("GET") && (path.equals("/") || path.equals("/index.html"));
    byte[] body = found ? index : "not found\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int status = found ? 200 : 404;
    exchange.getResponseHeaders().set("Content-Type", found ? "text/html" : "text/plain");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    System.err.printf("%s - - [%s] \"%s %s %s\" %d -%n", exchange.getRemoteAddress().getAddress().getHostAddress(),
        LOG_DATE.format(ZonedDateTime.now()), exchange.getRequestMethod(), exchange.getRequestURI(),
        exchange.getProtocol(), status);
  }
}
