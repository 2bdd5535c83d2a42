package io.keepalivedj.check;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private keys in the PEM encodings {@code openssl} writes, decoded with the JDK's own crypto:
 *
 * <ul>
 *   <li>{@code PRIVATE KEY}: PKCS#8 (RFC 5208), what {@code openssl genpkey} writes;
 *   <li>{@code ENCRYPTED PRIVATE KEY}: PKCS#8 under PBES2 (RFC 8018 §6.2: PBKDF2 with HMAC-SHA1/224/256/384/512,
 *       then AES-128/192/256-CBC or DES-EDE3-CBC; OpenSSL 3's default is HMAC-SHA256 and AES-256-CBC), or
 *       under an older PBE scheme when the JDK has it;
 *   <li>{@code RSA PRIVATE KEY}: PKCS#1 (RFC 8017 A.1.2) and {@code EC PRIVATE KEY}: SEC1 (RFC 5915), OpenSSL's
 *       "traditional" formats, wrapped into PKCS#8 for the JDK's {@link KeyFactory};
 *   <li>those traditional keys encrypted with RFC 1421 headers ({@code Proc-Type: 4,ENCRYPTED},
 *       {@code DEK-Info: AES-128-CBC,<iv>}): AES-128/192/256-CBC, DES-EDE3-CBC and DES-CBC, the key derived by
 *       OpenSSL's EVP_BytesToKey with MD5 and one iteration.
 * </ul>
 *
 * <p>Passwords are encoded as UTF-8, the bytes a keepalived.conf line holds.
 */
final class PemPrivateKeys {

    /** The PEM labels that hold a private key; other blocks (certificates, EC PARAMETERS) are not keys. */
    static final Set<String> LABELS = Set.of("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY",
            "EC PRIVATE KEY", "DSA PRIVATE KEY");

    // RFC 8017 A.1, RFC 5480 §2.1.1, RFC 8410 §3, RFC 3279 §2.3.2: the PrivateKeyInfo algorithms.
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            RSA_ENCRYPTION, "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            EC_PUBLIC_KEY, "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.2.840.10040.4.1", "DSA");

    // RFC 8018 A.2, A.4, B.1.2, B.2.2, B.2.5; RFC 7914 §7 (scrypt).
    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
    private static final String HMAC_SHA1 = "1.2.840.113549.2.7";
    private static final Map<String, String> PRFS = Map.of(
            HMAC_SHA1, "HmacSHA1",
            "1.2.840.113549.2.8", "HmacSHA224",
            "1.2.840.113549.2.9", "HmacSHA256",
            "1.2.840.113549.2.10", "HmacSHA384",
            "1.2.840.113549.2.11", "HmacSHA512");
    private static final Map<String, CbcCipher> PBES2_CIPHERS = Map.of(
            "2.16.840.1.101.3.4.1.2", CbcCipher.AES_128,
            "2.16.840.1.101.3.4.1.22", CbcCipher.AES_192,
            "2.16.840.1.101.3.4.1.42", CbcCipher.AES_256,
            "1.2.840.113549.3.7", CbcCipher.DES_EDE3);

    /** The CBC ciphers OpenSSL encrypts keys with, by their OpenSSL (DEK-Info) names. */
    enum CbcCipher {
        AES_128("AES-128-CBC", "AES", 16, 16),
        AES_192("AES-192-CBC", "AES", 24, 16),
        AES_256("AES-256-CBC", "AES", 32, 16),
        DES_EDE3("DES-EDE3-CBC", "DESede", 24, 8),
        DES("DES-CBC", "DES", 8, 8);

        final String opensslName;
        final String jdkName;
        final int keyBytes;
        final int ivBytes;

        CbcCipher(String opensslName, String jdkName, int keyBytes, int ivBytes) {
            this.opensslName = opensslName;
            this.jdkName = jdkName;
            this.keyBytes = keyBytes;
            this.ivBytes = ivBytes;
        }

        static Optional<CbcCipher> byOpensslName(String name) {
            for (CbcCipher c : values()) {
                if (c.opensslName.equalsIgnoreCase(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        byte[] decrypt(byte[] key, byte[] iv, byte[] data) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance(jdkName + "/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, jdkName), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        }
    }

    private static final String REENCRYPT = "convert it with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'";

    private PemPrivateKeys() {
    }

    /**
     * The private key in {@code block} (one of {@link #LABELS}).
     *
     * @throws IOException with a message saying what is wrong (the caller names the file): encrypted without a
     *     password, a wrong password, an unsupported cipher, malformed DER
     */
    static PrivateKey decode(Pem.Block block, Optional<String> password) throws IOException {
        String label = block.label();
        if (label.equals("DSA PRIVATE KEY")) {
            throw new IOException("DSA PRIVATE KEY is not read (TLS 1.3 has no DSA); convert it with 'openssl pkcs8 -topk8'");
        }
        byte[] der = block.der();
        boolean traditionalEncrypted = block.header("Proc-Type").filter(p -> p.endsWith("ENCRYPTED")).isPresent();
        boolean encrypted = traditionalEncrypted || label.equals("ENCRYPTED PRIVATE KEY");
        if (encrypted) {
            if (password.isEmpty()) {
                throw new IOException("encrypted, no password given");
            }
            der = traditionalEncrypted
                    ? decryptTraditional(block, der, password.get())
                    : decryptPkcs8(der, password.get());
        }
        try {
            return switch (label) {
                case "PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> pkcs8(der);
                case "RSA PRIVATE KEY" -> pkcs8(wrapPkcs1(der));
                case "EC PRIVATE KEY" -> pkcs8(wrapSec1(der));
                default -> throw new IllegalArgumentException(label + " is not one of " + LABELS);
            };
        } catch (IOException e) {
            if (encrypted) {
                // CBC padding is right for about 1 in 256 wrong passwords; the DER then is garbage.
                throw new IOException("cannot decrypt (wrong password?): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** PKCS#8 PrivateKeyInfo: the algorithm OID picks the JDK KeyFactory. */
    private static PrivateKey pkcs8(byte[] der) throws IOException {
        Der.Reader info = new Der.Reader(der).sequence();
        info.integer();
        String oid = info.sequence().oid();
        String algorithm = KEY_ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new IOException("key algorithm " + oid + " is not supported");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this JDK has no " + algorithm + " keys", e);
        } catch (InvalidKeySpecException e) {
            throw new IOException("malformed " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    /** RFC 5208 PrivateKeyInfo around an RSAPrivateKey: version 0, rsaEncryption with NULL parameters. */
    static byte[] wrapPkcs1(byte[] rsaPrivateKey) throws IOException {
        Der.Reader key = new Der.Reader(rsaPrivateKey);
        key.sequence();
        key.end();
        return Der.sequence(Der.integer(0), Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()),
                Der.octetString(rsaPrivateKey));
    }

    /**
     * RFC 5208 PrivateKeyInfo around an RFC 5915 ECPrivateKey. The curve moves into the AlgorithmIdentifier
     * (RFC 5480 §2.1.1), where the JDK looks for it; OpenSSL always writes it into {@code [0] parameters}.
     */
    static byte[] wrapSec1(byte[] ecPrivateKey) throws IOException {
        Der.Reader outer = new Der.Reader(ecPrivateKey);
        Der.Reader key = outer.sequence();
        outer.end();
        if (!key.integer().equals(BigInteger.ONE)) {
            throw new IOException("EC PRIVATE KEY version is not 1");
        }
        key.octetString();
        if (key.peekTag() != Der.CONTEXT_0) {
            throw new IOException("EC PRIVATE KEY names no curve (no [0] parameters)");
        }
        byte[] curve = key.read(Der.CONTEXT_0).element();
        return Der.sequence(Der.integer(0), Der.sequence(Der.oid(EC_PUBLIC_KEY), curve), Der.octetString(ecPrivateKey));
    }

    /** RFC 1421 {@code DEK-Info: <cipher>,<hex iv>}; the key is EVP_BytesToKey(MD5, salt = iv[0..8], count 1). */
    private static byte[] decryptTraditional(Pem.Block block, byte[] der, String password) throws IOException {
        String dekInfo = block.header("DEK-Info").orElseThrow(() -> new IOException("encrypted, but no DEK-Info header"));
        int comma = dekInfo.indexOf(',');
        if (comma < 0) {
            throw new IOException("DEK-Info '" + dekInfo + "' has no IV");
        }
        String name = dekInfo.substring(0, comma).strip();
        CbcCipher cipher = CbcCipher.byOpensslName(name).orElseThrow(() -> new IOException(
                "cipher " + name + " (DEK-Info) is not supported; " + REENCRYPT));
        byte[] iv;
        try {
            iv = HexFormat.of().parseHex(dekInfo.substring(comma + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("DEK-Info IV is not hex: " + e.getMessage(), e);
        }
        if (iv.length != cipher.ivBytes) {
            throw new IOException("DEK-Info IV has " + iv.length + " bytes, " + name + " needs " + cipher.ivBytes);
        }
        byte[] key = evpBytesToKey(password.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(iv, 8), cipher.keyBytes);
        return decrypt(cipher, key, iv, der);
    }

    /**
     * OpenSSL's EVP_BytesToKey with MD5 and one iteration, as its PEM writer uses it: D_1 = MD5(password || salt),
     * D_i = MD5(D_{i-1} || password || salt), the key the first {@code keyBytes} of D_1 || D_2 || ...
     */
    static byte[] evpBytesToKey(byte[] password, byte[] salt, int keyBytes) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
        byte[] key = new byte[keyBytes];
        byte[] previous = new byte[0];
        int filled = 0;
        while (filled < keyBytes) {
            md5.update(previous);
            md5.update(password);
            md5.update(salt);
            previous = md5.digest();
            int n = Math.min(previous.length, keyBytes - filled);
            System.arraycopy(previous, 0, key, filled, n);
            filled += n;
        }
        return key;
    }

    /** RFC 5208 EncryptedPrivateKeyInfo: PBES2 here, older PBE schemes through the JDK's own support. */
    private static byte[] decryptPkcs8(byte[] der, String password) throws IOException {
        Der.Reader info = new Der.Reader(der).sequence();
        Der.Reader algorithm = info.sequence();
        String scheme = algorithm.oid();
        if (!scheme.equals(PBES2)) {
            return decryptPkcs8WithJdk(der, scheme, password);
        }
        Der.Reader params = algorithm.sequence();
        Der.Reader kdf = params.sequence();
        String kdfOid = kdf.oid();
        if (kdfOid.equals(SCRYPT)) {
            throw new IOException("encrypted with scrypt, which the JDK cannot derive; " + REENCRYPT);
        }
        if (!kdfOid.equals(PBKDF2)) {
            throw new IOException("PBES2 key derivation " + kdfOid + " is not supported; " + REENCRYPT);
        }
        Der.Reader pbkdf2 = kdf.sequence();
        byte[] salt = pbkdf2.octetString();
        int iterations = pbkdf2.integer().intValueExact();
        int keyLength = -1;
        if (pbkdf2.peekTag() == Der.INTEGER) {
            keyLength = pbkdf2.integer().intValueExact();
        }
        String prfOid = HMAC_SHA1; // RFC 8018 A.2: the DEFAULT
        if (pbkdf2.peekTag() == Der.SEQUENCE) {
            prfOid = pbkdf2.sequence().oid();
        }
        String prf = PRFS.get(prfOid);
        if (prf == null) {
            throw new IOException("PBKDF2 PRF " + prfOid + " is not supported; " + REENCRYPT);
        }
        Der.Reader encryption = params.sequence();
        String cipherOid = encryption.oid();
        CbcCipher cipher = PBES2_CIPHERS.get(cipherOid);
        if (cipher == null) {
            throw new IOException("PBES2 cipher " + cipherOid + " is not supported (AES-128/192/256-CBC and DES-EDE3-CBC"
                    + " are); " + REENCRYPT);
        }
        byte[] iv = encryption.octetString();
        if (iv.length != cipher.ivBytes) {
            throw new IOException("PBES2 IV has " + iv.length + " bytes, " + cipher.opensslName + " needs " + cipher.ivBytes);
        }
        if (keyLength != -1 && keyLength != cipher.keyBytes) {
            throw new IOException("PBKDF2 key length " + keyLength + " does not fit " + cipher.opensslName);
        }
        if (iterations < 1) {
            throw new IOException("PBKDF2 iteration count " + iterations);
        }
        byte[] data = info.octetString();
        byte[] key;
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, cipher.keyBytes * 8);
            key = SecretKeyFactory.getInstance("PBKDF2With" + prf).generateSecret(spec).getEncoded();
            spec.clearPassword();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this JDK has no PBKDF2With" + prf + "; " + REENCRYPT, e);
        } catch (InvalidKeySpecException e) {
            throw new IOException("PBKDF2 failed: " + e.getMessage(), e);
        }
        return decrypt(cipher, key, iv, data);
    }

    /** PBES1 and PKCS#12 PBE (e.g. {@code openssl pkcs8 -v1 PBE-SHA1-3DES}), where the JDK has the scheme. */
    private static byte[] decryptPkcs8WithJdk(byte[] der, String scheme, String password) throws IOException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        String name = info.getAlgName();
        try {
            SecretKey key = SecretKeyFactory.getInstance(name).generateSecret(new PBEKeySpec(password.toCharArray()));
            Cipher cipher = Cipher.getInstance(name);
            cipher.init(Cipher.DECRYPT_MODE, key, info.getAlgParameters());
            return cipher.doFinal(info.getEncryptedData());
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("encryption scheme " + (name.equals(scheme) ? scheme : name + " (" + scheme + ")")
                    + " is not supported by this JDK; " + REENCRYPT, e);
        } catch (BadPaddingException e) {
            throw new IOException("cannot decrypt (wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt with " + name + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decrypt(CbcCipher cipher, byte[] key, byte[] iv, byte[] data) throws IOException {
        try {
            return cipher.decrypt(key, iv, data);
        } catch (BadPaddingException e) {
            throw new IOException("cannot decrypt (wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt with " + cipher.opensslName + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
