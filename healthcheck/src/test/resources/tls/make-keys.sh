#!/bin/sh
# Regenerates the test-only key material in this directory (run from here; needs openssl 3).
# Made once with OpenSSL 3.0 (Debian 12) and checked in, so the unit tests read what `openssl`
# writes rather than what the JDK writes. Every subject says keepalivedj-test; nothing here
# protects anything. The pass phrase of every encrypted key is in password.txt.
set -eu
PASS=keepalivedj-test
printf '%s\n' "$PASS" > password.txt
DAYS=36500 # a century: the tests must not start failing when a certificate expires

# Test CA (root) and an intermediate below it; a second, unrelated CA.
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $DAYS \
    -subj /CN=keepalivedj-test-ca -addext basicConstraints=critical,CA:TRUE \
    -addext keyUsage=critical,keyCertSign,cRLSign
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout intermediate.key \
    -out intermediate.csr -subj /CN=keepalivedj-test-intermediate
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
openssl x509 -req -in intermediate.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $DAYS \
    -extfile ca.ext -out intermediate.pem
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout other-ca.key \
    -out other-ca.pem -days $DAYS -subj /CN=keepalivedj-test-other-ca \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign

printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' > client.ext
# sign NAME SUBJECT CA: a client certificate for NAME.key, issued by CA.pem/CA.key
sign() {
    openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2"
    openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days $DAYS \
        -extfile client.ext -out "$1.pem"
    rm "$1.csr"
}

# RSA client: PKCS#8 as `openssl genpkey` writes it, then every other encoding of the same key.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out client-rsa.key
sign client-rsa keepalivedj-test-client ca
openssl rsa -in client-rsa.key -traditional -out client-rsa.pkcs1.key
openssl pkcs8 -topk8 -in client-rsa.key -passout pass:$PASS -out client-rsa.pkcs8-default.key
openssl pkcs8 -topk8 -in client-rsa.key -passout pass:$PASS -v2 aes-128-cbc -v2prf hmacWithSHA512 \
    -out client-rsa.pkcs8-aes128-sha512.key
openssl pkcs8 -topk8 -in client-rsa.key -passout pass:$PASS -v2 des3 -v2prf hmacWithSHA1 \
    -out client-rsa.pkcs8-des3-sha1.key
openssl pkcs8 -topk8 -in client-rsa.key -passout pass:$PASS -v1 PBE-SHA1-3DES \
    -out client-rsa.pkcs8-v1-sha1-3des.key
openssl pkcs8 -topk8 -in client-rsa.key -passout pass:$PASS -scrypt -out client-rsa.pkcs8-scrypt.key
openssl pkcs8 -topk8 -in client-rsa.key -passout pass:$PASS -v2 camellia-256-cbc \
    -out client-rsa.pkcs8-camellia.key
for c in aes128 aes192 aes256 des3; do
    openssl rsa -in client-rsa.key -traditional -$c -passout pass:$PASS -out client-rsa.pkcs1-$c.key
done
cat client-rsa.pem client-rsa.key > client-rsa.combined.pem

# EC (P-256) client: SEC1 as `openssl ecparam -genkey` writes it (with its EC PARAMETERS block).
openssl ecparam -name prime256v1 -genkey -out client-ec.sec1.key
sign client-ec.sec1 keepalivedj-test-client-ec ca
mv client-ec.sec1.pem client-ec.pem
openssl pkcs8 -topk8 -nocrypt -in client-ec.sec1.key -out client-ec.key
openssl ec -in client-ec.sec1.key -aes256 -passout pass:$PASS -out client-ec.sec1-aes256.key
openssl pkcs8 -topk8 -in client-ec.sec1.key -passout pass:$PASS -out client-ec.pkcs8-default.key

# A client whose certificate comes from the intermediate: the file carries the chain.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client-chained.key
sign client-chained keepalivedj-test-client-chained intermediate
cat intermediate.pem >> client-chained.pem

# A client the test CA never signed.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client-stranger.key
sign client-stranger keepalivedj-test-client-stranger other-ca

rm -f ./*.csr ./*.srl ca.ext client.ext
