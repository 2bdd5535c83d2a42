package io.keepalivedj.check;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
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
 * without it, as genhash 2.2.7 does), {@code -v/--verbose} (see {@link Verbose}),
 * {@code -m/--fwmark MARK} (SO_MARK on the socket, 0-4294967295, see {@link ProbeSocketOptions};
 * needs CAP_NET_ADMIN: without it ours prints {@code Connection failed}, where genhash 2.2.7 spins
 * at full CPU without connecting, observed as user nobody), {@code -h/--help}.
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
        boolean verbose = false;
        long fwmark = -1;
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
                        // As genhash 2.2.7: the help goes to stderr and the exit status is 1.
                        usage(err);
                        return 1;
                    }
                    case "-S", "--use-ssl" -> ssl = true;
                    case "-I", "--use-sni" -> sni = true;
                    case "-v", "--verbose" -> verbose = true;
                    case "-m", "--fwmark" -> fwmark = mark(value(args, ++i, a));
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
            Verbose trace = verbose ? new Verbose(out) : null;
            long mark = fwmark;
            loop.execute(() -> {
                HttpFetch fetch = new HttpFetch(loop, remote, Optional.empty(), t, engine, ByteBuffer.wrap(request),
                        true, false, result::complete);
                if (trace != null) {
                    fetch.traced(trace, Verbose.READ_BYTES);
                }
                if (mark >= 0) {
                    fetch.socketOptions(ProbeSocketOptions.NONE.withFwmark(mark));
                }
                fetch.start();
            });
            HttpFetch.Result r = result.get();
            if (r instanceof HttpFetch.Failed f && f.failure().reason() instanceof FailureReason.NetworkError e) {
                // stdout keeps genhash's one line; say what the line hides (e.g. -m without CAP_NET_ADMIN).
                err.println("genhash: " + e.message());
            }
            if (trace != null) {
                trace.end(r, url);
            } else {
                out.println(describe(r));
            }
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

    /**
     * genhash -v's output, as Debian's genhash 2.2.7 prints it (observed against python's
     * http.server and raw loopback servers): the header as a hex dump and as text, each read's
     * body bytes as a hex dump (offsets restart at 0000 with every read of up to 4095 bytes), the
     * MD5 as a hex dump and as the usual line, then the time from start to end:
     * <pre>
     * -----------------------[    HTTP Header Buffer    ]-----------------------
     * 0000  48 54 54 50 2f 31 2e 30 - 20 32 30 30 20 4f 4b 0d   HTTP/1.0 200 OK.
     * ...
     * -----------------------[ HTTP Header Ascii Buffer ]-----------------------
     * HTTP/1.0 200 OK\r
     * \r
     * (empty line)
     * -----------------------[        HTML Buffer        ]-----------------------   (only with a body)
     * 0000  68 69 0a                -                           hi.
     * (empty line)
     * -----------------------[    HTML hash resulting    ]-----------------------
     * 0000  76 4e fa 88 3d da 1e 11 - db 47 67 1c 4a 3b bd 9e   vN..=....Gg.J;..
     * -----------------------[ HTML hash final resulting ]-----------------------
     * 764efa883dda1e11db47671c4a3bbd9e
     * (empty line)
     * Global response time for [/short.html] = 2490 usecs
     * </pre>
     * A failure prints its usual line, an empty line and the time line.
     */
    static final class Verbose implements HttpFetch.Trace {
        /**
         * genhash 2.2.7 reads at most 4095 bytes at a time: with any header length, its dumps
         * restart every 4095 bytes of the stream (observed with 42- to 348-byte headers).
         */
        static final int READ_BYTES = 4095;

        private final PrintStream out;
        private boolean bodyTitled;

        Verbose(PrintStream out) {
            this.out = out;
        }

        @Override
        public void header(byte[] header) {
            out.print(title("   HTTP Header Buffer   "));
            out.print(hexDump(header));
            out.print(title("HTTP Header Ascii Buffer"));
            // The bytes as received, whatever the stream's charset: genhash writes the buffer.
            out.write(header, 0, header.length);
            out.print('\n');
        }

        @Override
        public void bodyChunk(byte[] chunk) {
            if (!bodyTitled) {
                out.print(title("       HTML Buffer       "));
                bodyTitled = true;
            }
            out.print(hexDump(chunk));
        }

        void end(HttpFetch.Result r, String url) {
            Duration latency;
            if (r instanceof HttpFetch.Fetched f) {
                out.print('\n');
                out.print(title("   HTML hash resulting   "));
                out.print(hexDump(f.response().md5()));
                out.print(title("HTML hash final resulting"));
                latency = f.response().latency();
            } else if (r instanceof HttpFetch.Failed failed) {
                latency = failed.failure().latency();
            } else {
                throw new AssertionError(r);
            }
            out.println(describe(r));
            out.print('\n');
            out.print("Global response time for [" + url + "] = " + latency.toNanos() / 1000 + " usecs\n");
            out.flush();
        }

        private static String title(String text) {
            return "-----------------------[ " + text + " ]-----------------------\n";
        }

        /**
         * 16 bytes a line: decimal offset, the bytes in hex with a dash after the eighth, then
         * the printable ones as text and the rest as dots, both columns padded to full width.
         */
        static String hexDump(byte[] b) {
            StringBuilder sb = new StringBuilder(b.length * 5);
            for (int line = 0; line < b.length; line += 16) {
                sb.append(String.format(Locale.ROOT, "%04d  ", line));
                for (int i = 0; i < 16; i++) {
                    if (i == 8) {
                        sb.append("- ");
                    }
                    if (line + i < b.length) {
                        sb.append(Character.forDigit((b[line + i] >> 4) & 0xf, 16))
                                .append(Character.forDigit(b[line + i] & 0xf, 16)).append(' ');
                    } else {
                        sb.append("   ");
                    }
                }
                sb.append("  ");
                for (int i = 0; i < 16; i++) {
                    int c = line + i < b.length ? b[line + i] & 0xff : ' ';
                    sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    /** genhash -m's value: an unsigned 32-bit mark, as keepalived.conf(5) fwmark. */
    private static long mark(String text) {
        try {
            long m = Long.parseLong(text);
            if (m >= 0 && m <= CheckTarget.MAX_FWMARK) {
                return m;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw new IllegalArgumentException("-m needs a mark 0-" + CheckTarget.MAX_FWMARK + ": " + text);
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
        s.println("Either long or short options are allowed.");
        s.println("   --use-ssl         -S       Use SSL connection to remote server.");
        s.println("   --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).");
        s.println("   --server          -s       Use the specified remote server address.");
        s.println("   --port            -p       Use the specified remote server port.");
        s.println("   --url             -u       Use the specified remote server url.");
        s.println("   --use-virtualhost -V       Use the specified virtualhost in GET query.");
        s.println("   --verbose         -v       Use verbose mode output.");
        s.println("   --help            -h       Display this short inlined help screen.");
        s.println("   --fwmark          -m       Use the specified FW mark.");
        s.println("   --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.");
        s.println("                                1.0c means 1.0 with 'Connection: close'");
        s.println("   --timeout         -t       Timeout in seconds");
    }
}
