package io.keepalivedj.check;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Self-signed server identities made with the JDK's keytool at test time, and an HTTPS server
 * that records the SNI names clients send and can demand a client certificate. The client
 * certificates are made by openssl, once: {@link #resource} (src/test/resources/tls/make-keys.sh).
 */
final class TestTls {

    static final char[] PASSWORD = "changeit".toCharArray();

    /** A PKCS12 key store with one EC key pair for CN=localhost, and its certificate as PEM. */
    record Identity(Path keyStore, Path certificatePem) {
        SSLContext serverContext() throws Exception {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(), null, null);
            return ctx;
        }

        /**
         * A server context that checks client certificates against {@code clientCa} (PEM) with
         * the JDK's PKIX trust manager; {@code seen} collects the subject of every client
         * certificate offered, accepted or not.
         */
        SSLContext serverContext(Path clientCa, List<String> seen) throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(clientCa)) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            X509ExtendedTrustManager pkix = (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(), new TrustManager[] {new RecordingTrustManager(pkix, seen)}, null);
            return ctx;
        }

        private KeyManager[] keyManagers() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            return kmf.getKeyManagers();
        }
    }

    /** Records each client chain's subject, then lets PKIX decide. */
    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager pkix;
        private final List<String> seen;

        RecordingTrustManager(X509ExtendedTrustManager pkix, List<String> seen) {
            this.pkix = pkix;
            this.seen = seen;
        }

        private void record(X509Certificate[] chain) {
            seen.add(chain[0].getSubjectX500Principal().getName() + " +" + (chain.length - 1));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            record(chain);
            pkix.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            record(chain);
            pkix.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            record(chain);
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }

    private TestTls() {
    }

    /** A file of src/test/resources/tls/, made by make-keys.sh there. */
    static Path resource(String name) {
        URL url = TestTls.class.getResource("/tls/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource tls/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    /** The pass phrase of every encrypted key in src/test/resources/tls/. */
    static String keyPassword() {
        try {
            return Files.readString(resource("password.txt")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** What a {@link Responder} does with one accepted connection; it closes the socket after. */
    interface Conversation {
        void serve(Socket client) throws IOException;
    }

    /** A loopback server answering one connection after another on a daemon thread. */
    static class Responder implements AutoCloseable {
        private final ServerSocket server;

        Responder(ServerSocket server, String name, Conversation conversation) {
            this.server = server;
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket c = server.accept()) {
                        c.setSoTimeout(30_000); // a guard against a hung test
                        conversation.serve(c);
                    } catch (IOException e) {
                        // Closed, a refused handshake or the client went away: the test's assertion covers it.
                    }
                }
            }, name);
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

    /**
     * A plain HTTP server that answers whatever arrives first (a ClientHello, for SSL_GET) with
     * a 400 at once, as python's http.server does, then drains and closes cleanly.
     */
    static final class PlainResponder extends Responder {
        PlainResponder() throws IOException {
            super(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "plain-responder", c -> {
                c.getInputStream().read(new byte[4096]);
                OutputStream out = c.getOutputStream();
                out.write("HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                c.shutdownOutput();
                c.getInputStream().readAllBytes();
            });
        }
    }

    /**
     * A loopback HTTPS server on a blocking {@link SSLServerSocket} that demands a client
     * certificate: unlike {@code HttpsServer}, which drops the connection, it sends the fatal
     * alert a refused client gets from OpenSSL-based servers. Answers every request with 200 and
     * "hello world\n", one request per connection.
     */
    static final class ClientAuthServer extends Responder {
        /** {@code protocol}: the only TLS version spoken, e.g. {@code TLSv1.3}. */
        ClientAuthServer(SSLContext ctx, String protocol) throws IOException {
            super(clientAuthSocket(ctx, protocol), "client-auth-server", ClientAuthServer::serve);
        }

        private static SSLServerSocket clientAuthSocket(SSLContext ctx, String protocol) throws IOException {
            SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server.setNeedClientAuth(true);
            server.setEnabledProtocols(new String[] {protocol});
            return server;
        }

        private static void serve(Socket c) throws IOException {
            ((SSLSocket) c).startHandshake();
            InputStream in = c.getInputStream();
            int matched = 0;
            byte[] blankLine = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            while (matched < blankLine.length) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = b == blankLine[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = c.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\nhello world\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
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
