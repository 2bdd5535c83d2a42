package io.keepalivedj.check;

import static io.keepalivedj.check.TestTls.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client certificates and keys as openssl 3 writes them (src/test/resources/tls/make-keys.sh):
 * every format decodes to the same key, and every failure names the file and the problem.
 */
class ClientCertificateTest {

    static final Optional<String> PASSWORD = Optional.of(TestTls.keyPassword());

    @TempDir
    Path dir;

    static ClientCertificate load(String cert, String key, Optional<String> password) throws IOException {
        return ClientCertificate.load(resource(cert), Optional.of(resource(key)), password);
    }

    /** The RSA key as `openssl genpkey` wrote it: PKCS#8, unencrypted. */
    static RSAPrivateCrtKey rsaReference() throws IOException {
        return (RSAPrivateCrtKey) load("client-rsa.pem", "client-rsa.key", Optional.empty()).key();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "client-rsa.pkcs1.key",                 // RSA PRIVATE KEY
        "client-rsa.pkcs8-default.key",         // openssl 3's default: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC
        "client-rsa.pkcs8-aes128-sha512.key",   // PBES2 with another PRF and key size
        "client-rsa.pkcs8-des3-sha1.key",       // PBES2, PRF left at its default, DES-EDE3-CBC
        "client-rsa.pkcs8-v1-sha1-3des.key",    // PKCS#12 PBE, decrypted by the JDK itself
        "client-rsa.pkcs1-aes128.key",          // Proc-Type: 4,ENCRYPTED, EVP_BytesToKey
        "client-rsa.pkcs1-aes192.key",
        "client-rsa.pkcs1-aes256.key",
        "client-rsa.pkcs1-des3.key",
    })
    void everyRsaEncodingDecodesToTheSameKey(String keyFile) throws Exception {
        ClientCertificate c = load("client-rsa.pem", keyFile, PASSWORD);
        assertThat(c.key().getEncoded()).isEqualTo(rsaReference().getEncoded());
        assertThat(c.chain()).hasSize(1);
        assertThat(c.chain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=keepalivedj-test-client");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "client-ec.sec1.key",            // EC PARAMETERS, then EC PRIVATE KEY (openssl ecparam -genkey)
        "client-ec.sec1-aes256.key",     // EC PRIVATE KEY with Proc-Type: 4,ENCRYPTED
        "client-ec.pkcs8-default.key",   // ENCRYPTED PRIVATE KEY
    })
    void everyEcEncodingDecodesToTheSameKey(String keyFile) throws Exception {
        ECPrivateKey reference = (ECPrivateKey) load("client-ec.pem", "client-ec.key", Optional.empty()).key();
        ECPrivateKey key = (ECPrivateKey) load("client-ec.pem", keyFile, PASSWORD).key();
        assertThat(key.getS()).isEqualTo(reference.getS());
        assertThat(key.getParams().getCurve()).isEqualTo(reference.getParams().getCurve());
    }

    @Test
    void pkcs1WrappedIsByteForByteWhatOpensslWritesAsPkcs8() throws Exception {
        byte[] pkcs1 = onlyBlock("client-rsa.pkcs1.key").der();
        byte[] pkcs8 = onlyBlock("client-rsa.key").der();
        assertThat(HexFormat.of().formatHex(PemPrivateKeys.wrapPkcs1(pkcs1))).isEqualTo(HexFormat.of().formatHex(pkcs8));
    }

    @Test
    void evpBytesToKeyMatchesOpensslEnc() {
        // openssl enc -aes-256-cbc -md md5 -S 0102030405060708 -pass pass:keepalivedj-test -P
        // (OpenSSL 3.0.19): key, then iv, both from one EVP_BytesToKey stream.
        byte[] derived = PemPrivateKeys.evpBytesToKey("keepalivedj-test".getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().parseHex("0102030405060708"), 48);
        assertThat(HexFormat.of().withUpperCase().formatHex(derived)).isEqualTo(
                "79FE4C7D9F4A51FA4ECC48DC397CFB03CA92EEF9FCE94A18FAC19CBF23AC43DE"
                        + "539D20D7A8A065BCC176472E76655FA2");
    }

    @Test
    void theKeyMayStandInTheCertificateFile() throws Exception {
        ClientCertificate c = ClientCertificate.load(resource("client-rsa.combined.pem"), Optional.empty(), Optional.empty());
        assertThat(c.key().getEncoded()).isEqualTo(rsaReference().getEncoded());
        assertThat(c.chain()).hasSize(1);
    }

    @Test
    void theCertificateFileMayCarryItsChain() throws Exception {
        ClientCertificate c = load("client-chained.pem", "client-chained.key", Optional.empty());
        assertThat(c.chain()).extracting(x -> x.getSubjectX500Principal().getName())
                .containsExactly("CN=keepalivedj-test-client-chained", "CN=keepalivedj-test-intermediate");
    }

    @Test
    void aPasswordForAnUnencryptedKeyIsUnused() throws Exception {
        assertThat(load("client-rsa.pem", "client-rsa.key", PASSWORD).key().getEncoded())
                .isEqualTo(rsaReference().getEncoded());
    }

    @Test
    void encryptedKeysNeedAPassword() {
        for (String f : List.of("client-rsa.pkcs8-default.key", "client-rsa.pkcs1-aes128.key", "client-ec.sec1-aes256.key")) {
            String cert = f.startsWith("client-ec") ? "client-ec.pem" : "client-rsa.pem";
            assertThatThrownBy(() -> load(cert, f, Optional.empty())).isInstanceOf(IOException.class)
                    .hasMessage("key " + resource(f) + ": encrypted, no password given");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"client-rsa.pkcs8-default.key", "client-rsa.pkcs1-aes256.key", "client-rsa.pkcs1-des3.key",
        "client-rsa.pkcs8-v1-sha1-3des.key"})
    void aWrongPasswordSaysSo(String keyFile) {
        assertThatThrownBy(() -> load("client-rsa.pem", keyFile, Optional.of("not-the-password")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("key " + resource(keyFile) + ": cannot decrypt (wrong password?)");
    }

    @Test
    void schemesTheJdkLacksAreNamedWithAWayOut() {
        assertThatThrownBy(() -> load("client-rsa.pem", "client-rsa.pkcs8-scrypt.key", PASSWORD))
                .hasMessage("key " + resource("client-rsa.pkcs8-scrypt.key") + ": encrypted with scrypt, which the JDK"
                        + " cannot derive; convert it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
        // camellia-256-cbc (RFC 3657)
        assertThatThrownBy(() -> load("client-rsa.pem", "client-rsa.pkcs8-camellia.key", PASSWORD))
                .hasMessageContaining(": PBES2 cipher 1.2.392.200011.61.1.1.1.4 is not supported");
    }

    @Test
    void anUnknownTraditionalCipherIsNamed() throws Exception {
        Path key = dir.resolve("aria.key");
        Files.writeString(key, Files.readString(resource("client-rsa.pkcs1-aes128.key"))
                .replace("DEK-Info: AES-128-CBC,", "DEK-Info: ARIA-128-CBC,"));
        assertThatThrownBy(() -> ClientCertificate.load(resource("client-rsa.pem"), Optional.of(key), PASSWORD))
                .hasMessageStartingWith("key " + key + ": cipher ARIA-128-CBC (DEK-Info) is not supported");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        // RSA certificate, EC key: the algorithms differ.
        assertThatThrownBy(() -> load("client-rsa.pem", "client-ec.key", Optional.empty()))
                .hasMessage("certificate " + resource("client-rsa.pem") + " and key " + resource("client-ec.key")
                        + ": certificate and key do not match");
        // Two EC P-256 keys: only a signature tells them apart.
        assertThatThrownBy(() -> load("client-ec.pem", "client-stranger.key", Optional.empty()))
                .hasMessageEndingWith(": certificate and key do not match");
        // Two RSA keys.
        assertThatThrownBy(() -> load("ca.pem", "client-rsa.key", Optional.empty()))
                .hasMessageEndingWith(": certificate and key do not match");
    }

    @Test
    void missingPiecesAreNamed() throws Exception {
        assertThatThrownBy(() -> ClientCertificate.load(resource("client-rsa.pem"), Optional.empty(), Optional.empty()))
                .hasMessage("certificate " + resource("client-rsa.pem") + ": no private key in it, and SSL has no key");
        assertThatThrownBy(() -> load("client-rsa.pem", "ca.pem", Optional.empty()))
                .hasMessage("key " + resource("ca.pem") + ": no private key (found CERTIFICATE)");
        assertThatThrownBy(() -> load("client-rsa.key", "client-rsa.key", Optional.empty()))
                .hasMessage("certificate " + resource("client-rsa.key") + ": no CERTIFICATE block (found PRIVATE KEY)");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> ClientCertificate.load(missing, Optional.empty(), Optional.empty()))
                .hasMessage("certificate " + missing + ": no such file");
        Path empty = Files.writeString(dir.resolve("empty.key"), "");
        assertThatThrownBy(() -> ClientCertificate.load(resource("client-rsa.pem"), Optional.of(empty), Optional.empty()))
                .hasMessage("key " + empty + ": no private key (no PEM block at all)");
    }

    @Test
    void brokenPemIsNamedWithItsLine() throws Exception {
        String key = Files.readString(resource("client-rsa.key"));
        Path cut = Files.writeString(dir.resolve("cut.key"), key.substring(0, key.indexOf("-----END")));
        assertThatThrownBy(() -> ClientCertificate.load(resource("client-rsa.pem"), Optional.of(cut), Optional.empty()))
                .hasMessage("key " + cut + ": the PRIVATE KEY block of line 1 has no '-----END PRIVATE KEY-----'");
        Path garbled = Files.writeString(dir.resolve("garbled.key"), key.replaceFirst("\n[A-Za-z0-9+/]", "\n*"));
        assertThatThrownBy(() -> ClientCertificate.load(resource("client-rsa.pem"), Optional.of(garbled), Optional.empty()))
                .hasMessageStartingWith("key " + garbled + ": the PRIVATE KEY block of line 1 is not valid base64");
        Path truncated = Files.writeString(dir.resolve("truncated.key"),
                "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ClientCertificate.load(resource("client-rsa.pem"), Optional.of(truncated), Optional.empty()))
                .hasMessageStartingWith("key " + truncated + ": malformed DER");
    }

    @Test
    void textAroundTheBlocksIsSkipped() throws Exception {
        Path annotated = Files.writeString(dir.resolve("annotated.pem"), "Certificate:\n    Data: (as openssl x509 -text)\n"
                + Files.readString(resource("client-rsa.pem")) + "trailing words\n");
        assertThat(ClientCertificate.load(annotated, Optional.of(resource("client-rsa.key")), Optional.empty()).chain())
                .hasSize(1);
    }

    @Test
    void sslOptionsCarryTheClientCertificateAndHideThePassword() {
        SslOptions o = SslOptions.withCa(Path.of("/etc/ca.pem"))
                .clientCertificate(Path.of("/etc/c.pem"), Optional.of(Path.of("/etc/c.key")), Optional.of("s3cret"));
        assertThat(o.ca()).contains(Path.of("/etc/ca.pem"));
        assertThat(o.certificate()).contains(Path.of("/etc/c.pem"));
        assertThat(o.key()).contains(Path.of("/etc/c.key"));
        assertThat(o.password()).contains("s3cret");
        assertThat(o.toString()).doesNotContain("s3cret").contains("password=(set)");
        assertThatThrownBy(() -> new SslOptions(Optional.empty(), Optional.empty(), Optional.of(Path.of("/etc/c.key")),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SSL key /etc/c.key needs a certificate");
    }

    @Test
    void unusableClientCertificateIsRefusedWhenTheCheckerIsBuilt() {
        SslOptions bad = SslOptions.NONE.clientCertificate(resource("client-rsa.pem"),
                Optional.of(resource("client-rsa.pkcs8-default.key")), Optional.empty());
        assertThatThrownBy(() -> TlsContexts.create(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SSL key " + resource("client-rsa.pkcs8-default.key") + ": encrypted, no password given");
    }

    private static Pem.Block onlyBlock(String file) throws IOException {
        List<Pem.Block> blocks = Pem.parse(Files.readString(resource(file)));
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }
}
