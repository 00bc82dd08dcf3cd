#!/usr/bin/env bash
# Generates the test certificates once (OpenSSL 3.0). Run from this folder: ./generate.sh
# The keys are thrown away; only the certificates are kept. Expected values in
# CertificateFunctionsTest were taken from these files with openssl (see the comments there).
set -euo pipefail
out=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir newcerts
touch index.txt
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./serial
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = yes
[ policy_any ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = optional
emailAddress = optional
userId = optional
[ root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ user ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth, emailProtection
subjectAltName = email:test.user@contoso.com, otherName:1.3.6.1.4.1.311.20.2.3;UTF8:test.user@contoso.com, DNS:test.contoso.com, DNS:www.contoso.com, URI:https://contoso.com/test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ec ]
basicConstraints = critical, CA:FALSE
subjectAltName = DNS:ec.contoso.com
[ expired ]
keyUsage = digitalSignature
CNF

# Root CA, self-signed, RSA 2048.
openssl req -new -newkey rsa:2048 -nodes -keyout ca.key -subj "/C=US/O=Contoso/CN=Contoso Test Root CA" -out ca.csr 2>/dev/null
echo 01 > serial
openssl ca -config ca.cnf -batch -notext -selfsign -keyfile ca.key -in ca.csr -extensions root \
  -startdate 20240101000000Z -enddate 20440101000000Z -out root-ca.pem 2>/dev/null

# User certificate, RSA 2048, signed by the root; serial with the high bit set.
openssl req -new -newkey rsa:2048 -nodes -keyout user.key -subj "/C=US/O=Contoso/OU=IT/CN=Test User" -out user.csr 2>/dev/null
echo 8A1B2C3D4E5F6071 > serial
openssl ca -config ca.cnf -batch -notext -preserveDN -cert root-ca.pem -keyfile ca.key -in user.csr -extensions user \
  -startdate 20240301000000Z -enddate 20340301120000Z -out rsa-user.pem 2>/dev/null

# EC P-256, self-signed, e-mail address in the subject, no alternative e-mail.
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key \
  -subj "/C=US/O=Contoso/CN=ec.contoso.com/emailAddress=ec.admin@contoso.com" -out ec.csr 2>/dev/null
echo 0102 > serial
openssl ca -config ca.cnf -batch -notext -preserveDN -selfsign -keyfile ec.key -in ec.csr -extensions ec \
  -startdate 20240601000000Z -enddate 20290601000000Z -out ec.pem 2>/dev/null

# Expired, signed by the root; a quote, a comma and a multi-valued RDN in the subject; no critical extension.
openssl req -new -newkey rsa:2048 -nodes -keyout old.key -multivalue-rdn \
  -subj '/C=US/O=Contoso "Legacy"/CN=Smith, John+UID=jsmith' -out old.csr 2>/dev/null
echo 03 > serial
openssl ca -config ca.cnf -batch -notext -preserveDN -multivalue-rdn -cert root-ca.pem -keyfile ca.key -in old.csr \
  -extensions expired -startdate 20190101000000Z -enddate 20200101000000Z -out expired.pem 2>/dev/null

for c in root-ca rsa-user ec expired; do
  cp "$c.pem" "$out/$c.pem"
  openssl x509 -in "$c.pem" -outform DER -out "$out/$c.der"
done
