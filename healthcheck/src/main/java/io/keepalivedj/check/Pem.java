package io.keepalivedj.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PEM text (RFC 7468, with RFC 1421's header lines, which OpenSSL still writes for traditional
 * encrypted keys: {@code Proc-Type} and {@code DEK-Info}). Text outside the blocks is skipped, as
 * OpenSSL skips it (e.g. the dump {@code openssl x509 -text} puts before a certificate).
 */
final class Pem {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One {@code -----BEGIN label-----} ... {@code -----END label-----} block, decoded. */
    static final class Block {
        private final String label;
        private final Map<String, String> headers;
        private final byte[] der;

        Block(String label, Map<String, String> headers, byte[] der) {
            this.label = label;
            this.headers = Map.copyOf(headers);
            this.der = der.clone();
        }

        /** E.g. {@code CERTIFICATE}, {@code RSA PRIVATE KEY}. */
        String label() {
            return label;
        }

        /** An RFC 1421 header such as {@code DEK-Info}; names compare case-sensitively, as OpenSSL's. */
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        byte[] der() {
            return der.clone();
        }
    }

    private Pem() {
    }

    /**
     * Every block of {@code text}, in order.
     *
     * @throws IOException naming the line when a block has no END, a bad header or bad base64
     */
    static List<Block> parse(String text) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++].strip();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                continue;
            }
            int beginLine = i;
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String endLine = END + label + DASHES;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            boolean ended = false;
            boolean inHeaders = true;
            while (i < lines.length) {
                String l = lines[i++].strip();
                if (l.equals(endLine)) {
                    ended = true;
                    break;
                }
                if (l.startsWith(END) || l.startsWith(BEGIN)) {
                    throw new IOException("line " + i + ": '" + l + "' inside the " + label + " block of line " + beginLine);
                }
                if (inHeaders && l.contains(":")) {
                    // RFC 1421 §4.6: "Name: value" lines, then one blank line, then the base64.
                    int colon = l.indexOf(':');
                    headers.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
                    continue;
                }
                if (l.isEmpty()) {
                    inHeaders = false;
                    continue;
                }
                inHeaders = false;
                base64.append(l);
            }
            if (!ended) {
                throw new IOException("the " + label + " block of line " + beginLine + " has no '" + endLine + "'");
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new IOException("the " + label + " block of line " + beginLine + " is not valid base64: "
                        + e.getMessage(), e);
            }
            blocks.add(new Block(label, headers, der));
        }
        return blocks;
    }
}
