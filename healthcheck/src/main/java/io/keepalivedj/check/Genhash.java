package io.keepalivedj.check;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLEngine;

/**
 * keepalived's {@code genhash}: fetch one URL the way HTTP_GET does and print the MD5 of the
 * body, the value for a {@code url { digest }}. Output matches Debian's genhash 2.2.7 for the
 * non-verbose cases (observed on loopback): the digest line on success, otherwise
 * {@code Connection failed}, {@code Timeout connecting} or {@code Timeout WEB read} on
 * stdout, and exit status 0 either way, as genhash does.
 *
 * <p>Options: {@code -s/--server}, {@code -p/--port}, {@code -u/--url}, {@code -V/--use-virtualhost},
 * {@code -P/--protocol 1.0|1.0C|1.1}, {@code -t/--timeout SECONDS}, {@code -S/--use-ssl} (TLS,
 * certificate not verified), {@code -I/--use-sni} (SNI = the {@code -V} virtualhost; none
 * without it, as genhash 2.2.7 does), {@code -h/--help}.
 * Not yet: {@code -v/--verbose}, {@code -m/--fwmark}.
 */
public final class Genhash {

    private Genhash() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs genhash with {@code args}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String server = null;
        int port = -1;
        String url = null;
        Optional<String> vhost = Optional.empty();
        HttpProtocol protocol = HttpProtocol.HTTP_1_0;
        Duration timeout = CheckOptions.DEFAULT_CONNECT_TIMEOUT;
        boolean ssl = false;
        boolean sni = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-s", "--server" -> server = value(args, ++i, a);
                    case "-p", "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "-u", "--url" -> url = value(args, ++i, a);
                    case "-V", "--use-virtualhost" -> vhost = Optional.of(value(args, ++i, a));
                    case "-P", "--protocol" -> protocol = HttpProtocol.fromConfigName(value(args, ++i, a));
                    case "-t", "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                    case "-h", "--help" -> {
                        usage(out);
                        return 0;
                    }
                    case "-S", "--use-ssl" -> ssl = true;
                    case "-I", "--use-sni" -> sni = true;
                    case "-v", "--verbose", "-m", "--fwmark" -> {
                        err.println("genhash: " + a + " is not supported yet by keepalivedj-genhash");
                        return 1;
                    }
                    default -> {
                        err.println("genhash: unknown option " + a);
                        usage(err);
                        return 1;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("genhash: " + e.getMessage());
            return 1;
        }
        if (server == null || port < 1 || port > 65535 || url == null) {
            usage(err);
            return 1;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(server);
        } catch (UnknownHostException e) {
            err.println("genhash: cannot resolve " + server);
            return 1;
        }
        InetSocketAddress remote = new InetSocketAddress(address, port);
        byte[] request = HttpRequests.get(protocol, url, vhost.orElseGet(() -> HttpRequests.hostOf(remote)));
        try (NioEventLoop loop = new NioEventLoop("genhash")) {
            CompletableFuture<HttpFetch.Result> result = new CompletableFuture<>();
            Duration t = timeout;
            Optional<SSLEngine> engine = ssl
                    ? Optional.of(TlsContexts.clientEngine(TlsContexts.create(SslOptions.NONE),
                            address.getHostAddress(), port, sni ? vhost : Optional.empty()))
                    : Optional.empty();
            loop.execute(() -> new HttpFetch(loop, remote, Optional.empty(), t, engine, request, false, result::complete)
                    .start());
            HttpFetch.Result r = result.get();
            out.println(describe(r));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("genhash: " + e.getCause());
            return 1;
        }
    }

    /** genhash 2.2.7's line for each result. */
    static String describe(HttpFetch.Result r) {
        if (r instanceof HttpFetch.Fetched f) {
            return f.response().md5Hex();
        } else if (r instanceof HttpFetch.Failed failed) {
            FailureReason reason = failed.failure().reason();
            if (reason instanceof FailureReason.ConnectTimeout) {
                return "Timeout connecting";
            } else if (reason instanceof FailureReason.ReadTimeout) {
                return "Timeout WEB read";
            } else if (reason instanceof FailureReason.ConnectionRefused || reason instanceof FailureReason.NetworkError) {
                return "Connection failed";
            } else if (reason instanceof FailureReason.TlsHandshakeFailed tls) {
                // genhash 2.2.7 -S: a server that closes mid-handshake is "Connection failed";
                // a plain HTTP server answering the ClientHello gives this line, as printed.
                return tls.detail().equals(FailureReason.TlsHandshakeFailed.PEER_CLOSED)
                        ? "Connection failed"
                        : "SSL handshake/communication error connecting to";
            }
            return reason.message();
        } else {
            throw new AssertionError(r);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream s) {
        s.println("Usage: genhash COMMAND [OPTIONS]");
        s.println("Commands:");
        s.println("   -s server-address -p port -u url");
        s.println("   -S -s server-address -p port -u url");
        s.println("   -h");
        s.println();
        s.println("Options:");
        s.println("   --use-ssl         -S       Use SSL connection to remote server.");
        s.println("   --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).");
        s.println("   --server          -s       Use the specified remote server address.");
        s.println("   --port            -p       Use the specified remote server port.");
        s.println("   --url             -u       Use the specified remote server url.");
        s.println("   --use-virtualhost -V       Use the specified virtualhost in GET query.");
        s.println("   --help            -h       Display this short inlined help screen.");
        s.println("   --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.");
        s.println("   --timeout         -t       Timeout in seconds");
    }
}
