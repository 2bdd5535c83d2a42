package io.keepalivedj.check;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

/**
 * Self-signed server identities made with the JDK's keytool at test time (no key material in
 * the repository), and an HTTPS server that records the SNI names clients send.
 */
final class TestTls {

    static final char[] PASSWORD = "changeit".toCharArray();

    /** A PKCS12 key store with one EC key pair for CN=localhost, and its certificate as PEM. */
    record Identity(Path keyStore, Path certificatePem) {
        SSLContext serverContext() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        }
    }

    private TestTls() {
    }

    /** keytool -genkeypair ... then -exportcert -rfc, into {@code dir}. */
    static Identity generate(Path dir, String name) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool(keytool.toString(), "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "3650", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASSWORD));
        keytool(keytool.toString(), "-exportcert", "-rfc", "-alias", name, "-keystore", ks.toString(),
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        return new Identity(ks, pem);
    }

    private static void keytool(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }

    /**
     * A plain HTTP server that answers whatever arrives first (a ClientHello, for SSL_GET) with
     * a 400 at once, as python's http.server does, then drains and closes cleanly.
     */
    static final class PlainResponder implements AutoCloseable {
        private final ServerSocket server;

        PlainResponder() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket c = server.accept()) {
                        c.getInputStream().read(new byte[4096]);
                        OutputStream out = c.getOutputStream();
                        out.write("HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        c.shutdownOutput();
                        c.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        // Closed, or the client went away: the test's assertion covers it.
                    }
                }
            }, "plain-responder");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** A loopback HTTPS server; {@link #sniNames} lists the server_name each handshake carried. */
    static final class Server implements AutoCloseable {
        final HttpsServer https;
        final List<String> sniNames = new CopyOnWriteArrayList<>();

        Server(Identity identity, HttpHandler handler) throws Exception {
            https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SSLContext ctx = identity.serverContext();
            https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = ctx.getDefaultSSLParameters();
                    p.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                        @Override
                        public boolean matches(SNIServerName serverName) {
                            sniNames.add(((SNIHostName) serverName).getAsciiName());
                            return true;
                        }
                    }));
                    params.setSSLParameters(p);
                }
            });
            https.createContext("/", handler);
            https.start();
        }

        int port() {
            return https.getAddress().getPort();
        }

        List<String> sniNames() {
            return new ArrayList<>(sniNames);
        }

        @Override
        public void close() {
            https.stop(0);
        }
    }
}
