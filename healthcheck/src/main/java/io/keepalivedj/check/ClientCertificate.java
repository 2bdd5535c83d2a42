package io.keepalivedj.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client certificate of the {@code SSL { certificate key password }} block: a chain (the
 * client's certificate first, then any intermediates, as OpenSSL's
 * SSL_CTX_use_certificate_chain_file reads it) and the private key that matches its first entry.
 *
 * <p>Without {@code key} the key is looked for in the certificate file, as {@code openssl s_client
 * -cert} and most OpenSSL-based tools do; keepalived's documentation does not say, and a chain
 * with no key could not authenticate anyway, so a missing key is an error rather than a
 * handshake without a certificate.
 */
final class ClientCertificate {

    private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private ClientCertificate(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    /**
     * Reads and checks the files.
     *
     * @throws IOException naming the file and what is wrong, e.g. "key /etc/x.key: encrypted, no
     *     password given", "certificate /etc/c.pem and key /etc/x.key do not match"
     */
    static ClientCertificate load(Path certificate, Optional<Path> key, Optional<String> password) throws IOException {
        String certWhere = "certificate " + certificate;
        List<Pem.Block> certBlocks = read(certificate, certWhere);
        List<X509Certificate> chain = new ArrayList<>();
        for (Pem.Block b : certBlocks) {
            if (CERTIFICATE_LABELS.contains(b.label())) {
                chain.add(x509(b, certWhere));
            }
        }
        if (chain.isEmpty()) {
            throw new IOException(certWhere + ": no CERTIFICATE block" + found(certBlocks));
        }
        String keyWhere = key.map(k -> "key " + k).orElse(certWhere);
        List<Pem.Block> keyBlocks = key.isPresent() ? read(key.get(), keyWhere) : certBlocks;
        // OpenSSL reads the first key of a file; so do we.
        Pem.Block keyBlock = keyBlocks.stream().filter(b -> PemPrivateKeys.LABELS.contains(b.label())).findFirst()
                .orElseThrow(() -> new IOException(key.isPresent()
                        ? keyWhere + ": no private key" + found(keyBlocks)
                        : certWhere + ": no private key in it, and SSL has no key"));
        PrivateKey privateKey;
        try {
            privateKey = PemPrivateKeys.decode(keyBlock, password);
        } catch (IOException e) {
            throw new IOException(keyWhere + ": " + e.getMessage(), e);
        }
        if (!matches(chain.get(0).getPublicKey(), privateKey)) {
            throw new IOException(key.isPresent()
                    ? certWhere + " and " + keyWhere + ": certificate and key do not match"
                    : certWhere + ": certificate and key do not match");
        }
        return new ClientCertificate(chain, privateKey);
    }

    List<X509Certificate> chain() {
        return chain;
    }

    PrivateKey key() {
        return key;
    }

    /**
     * A key manager that presents this certificate whenever the server asks for one whose key
     * type it has. It ignores the CA names of the server's CertificateRequest: OpenSSL (and so
     * keepalived) sends its configured certificate regardless, and the JDK's own key managers
     * would send none, failing on the server's side with a less telling error.
     */
    X509ExtendedKeyManager keyManager() {
        return new FixedKeyManager(chain.toArray(new X509Certificate[0]), key);
    }

    private static List<Pem.Block> read(Path file, String where) throws IOException {
        String text;
        try {
            // PEM is ASCII; ISO-8859-1 maps any stray byte to a char instead of failing.
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IOException(where + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException(where + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException(where + ": cannot read: " + e, e);
        }
        try {
            return Pem.parse(text);
        } catch (IOException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate x509(Pem.Block b, String where) throws IOException {
        byte[] der = b.der();
        try {
            if (b.label().equals("TRUSTED CERTIFICATE")) {
                // OpenSSL's X509_AUX: the certificate, then its trust settings.
                der = new Der.Reader(der).element();
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IOException e) {
            throw new IOException(where + ": bad " + b.label() + ": " + e.getMessage(), e);
        }
    }

    private static String found(List<Pem.Block> blocks) {
        return blocks.isEmpty()
                ? " (no PEM block at all)"
                : " (found " + blocks.stream().map(Pem.Block::label).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Whether {@code privateKey} belongs to {@code publicKey}: the same RSA modulus, or else a
     * signature the public key verifies (as OpenSSL's X509_check_private_key compares keys).
     */
    static boolean matches(PublicKey publicKey, PrivateKey privateKey) throws IOException {
        if (publicKey instanceof RSAKey pub && privateKey instanceof RSAKey priv) {
            return pub.getModulus().equals(priv.getModulus());
        }
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> throw new IOException("cannot check a " + privateKey.getAlgorithm() + " key against its certificate");
        };
        byte[] probe = "keepalivedj certificate/key match".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // E.g. keys on different curves: they cannot match.
            return false;
        }
    }

    private static final class FixedKeyManager extends X509ExtendedKeyManager {
        private static final String ALIAS = "client";

        private final X509Certificate[] chain;
        private final PrivateKey key;

        FixedKeyManager(X509Certificate[] chain, PrivateKey key) {
            this.chain = chain;
            this.key = key;
        }

        private String aliasFor(String[] keyTypes) {
            if (keyTypes == null) {
                return null;
            }
            String mine = key.getAlgorithm();
            for (String t : keyTypes) {
                // TLS 1.2 may ask for e.g. "EC_EC" (key type, then the CA's signing key type).
                if (t.equals(mine) || t.startsWith(mine + "_")) {
                    return ALIAS;
                }
            }
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return aliasFor(new String[] {keyType}) == null ? null : new String[] {ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? Arrays.copyOf(chain, chain.length) : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
