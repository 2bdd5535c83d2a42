package io.keepalivedj.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the client {@link SSLContext} for an {@link SslOptions} and the per-connection engines. */
final class TlsContexts {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {
    }

    /**
     * The context SSL_GET connections are made from.
     *
     * @throws IllegalArgumentException if {@code ca} cannot be read or holds no certificate, or
     *     the client certificate or its key cannot be used (the message names the file and why)
     */
    static SSLContext create(SslOptions options) {
        TrustManager[] trust = options.ca().isPresent()
                ? trustingOnly(options.ca().get())
                : new TrustManager[] {new TrustEverything()};
        KeyManager[] keys = null;
        if (options.certificate().isPresent()) {
            try {
                ClientCertificate client = ClientCertificate.load(options.certificate().get(), options.key(),
                        options.password());
                keys = new KeyManager[] {client.keyManager()};
            } catch (IOException e) {
                throw new IllegalArgumentException("SSL " + e.getMessage(), e);
            }
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS SSLContext", e);
        }
    }

    /**
     * A client engine for one connection. {@code sni}: the name to send in server_name, none if
     * empty. The JDK would otherwise send SNI on its own whenever the peer host is a name;
     * keepalived sends it only with {@code enable_sni}.
     */
    static SSLEngine clientEngine(SSLContext ctx, String peerHost, int peerPort, Optional<String> sni) {
        SSLEngine engine = ctx.createSSLEngine(peerHost, peerPort);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        List<SNIServerName> names = List.of();
        if (sni.isPresent()) {
            try {
                names = List.of(new SNIHostName(sni.get()));
            } catch (IllegalArgumentException e) {
                // A virtualhost such as "www.example.com:8443" is no DNS host name (RFC 6066 §3).
                LOG.debug("not sending SNI '{}': {}", sni.get(), e.getMessage());
            }
        }
        params.setServerNames(names);
        engine.setSSLParameters(params);
        return engine;
    }

    private static TrustManager[] trustingOnly(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("SSL ca " + caFile + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf.getTrustManagers();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read SSL ca " + caFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad SSL ca " + caFile + ": " + e.getMessage(), e);
        }
    }

    /** keepalived's default: no {@code ca}, so any certificate is accepted. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
