package dev.joinery.expr.eval;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An X.509 certificate read from a rule's value, with the fields .NET's {@code X509Certificate2} gives: the
 * DER bytes, raw serial number, encoded names, public key algorithm and its encoded parameters, extensions
 * in certificate order. Not changed after it is built, so safe to share between threads.
 *
 * <p>"The byte array can be binary (DER) encoded or Base64-encoded X.509 data": accepted are DER bytes,
 * and base64 with or without PEM armour, as text or as the bytes of that text.
 */
final class RawCertificate {
    /** One extension, in the order of the certificate. */
    record Extension(String oid, boolean critical, byte[] value) {}

    final byte[] der;
    final X509Certificate x509;
    final byte[] serial;
    final String signatureAlgorithm;
    final byte[] issuer;
    final byte[] subject;
    final String keyAlgorithm;
    final byte[] keyAlgorithmParameters;
    final List<Extension> extensions;

    private RawCertificate(byte[] der, X509Certificate x509) {
        this.der = der;
        this.x509 = x509;
        Der tbs = new Der(der).next(Der.SEQUENCE).children().next(Der.SEQUENCE).children();
        if (tbs.peekTag() == 0xA0) {
            tbs.next(); // version
        }
        serial = tbs.next(Der.INTEGER).content();
        signatureAlgorithm = Der.oid(tbs.next(Der.SEQUENCE).children().next());
        issuer = tbs.next(Der.SEQUENCE).encoded();
        tbs.next(Der.SEQUENCE); // validity: read through Java, which knows UTCTime's century rule
        subject = tbs.next(Der.SEQUENCE).encoded();
        Der algorithm = tbs.next(Der.SEQUENCE).children().next(Der.SEQUENCE).children();
        keyAlgorithm = Der.oid(algorithm.next());
        keyAlgorithmParameters = algorithm.hasMore() ? algorithm.next().encoded() : new byte[0];
        List<Extension> list = new ArrayList<>();
        while (tbs.hasMore()) {
            Der.Element e = tbs.next();
            if (e.tag() != 0xA3) {
                continue; // issuer or subject unique id
            }
            Der all = e.children().next(Der.SEQUENCE).children();
            while (all.hasMore()) {
                Der ext = all.next(Der.SEQUENCE).children();
                String oid = Der.oid(ext.next());
                boolean critical = false;
                if (ext.peekTag() == 0x01) {
                    byte[] flag = ext.next().content();
                    critical = flag.length == 1 && flag[0] != 0;
                }
                list.add(new Extension(oid, critical, ext.next(0x04).content()));
            }
        }
        extensions = List.copyOf(list);
    }

    /** The certificate in these bytes, or null when they hold none. */
    static RawCertificate parse(byte[] raw) {
        byte[] der = raw.length > 0 && raw[0] == Der.SEQUENCE ? raw : fromText(new String(raw, StandardCharsets.UTF_8));
        return der == null ? null : parseDer(der);
    }

    /** The certificate in this base64 or PEM text, or null when it holds none. */
    static RawCertificate parse(String text) {
        byte[] der = fromText(text);
        return der == null ? null : parseDer(der);
    }

    private static RawCertificate parseDer(byte[] der) {
        try {
            X509Certificate x509 = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            byte[] encoded = x509.getEncoded();
            return new RawCertificate(encoded, x509);
        } catch (CertificateException | RuntimeException e) {
            return null; // not a certificate: the callers say so, IsCert says False
        }
    }

    /** DER from base64, inside PEM armour ("-----BEGIN CERTIFICATE-----") or bare; null if it is neither. */
    private static byte[] fromText(String text) {
        String body = text;
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int headerEnd = text.indexOf("-----", begin + 11);
            int end = headerEnd < 0 ? -1 : text.indexOf("-----END ", headerEnd + 5);
            if (end < 0) {
                return null;
            }
            body = text.substring(headerEnd + 5, end);
        }
        StringBuilder compact = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(compact.toString());
            return der.length > 0 && der[0] == Der.SEQUENCE ? der : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** .NET's X509NameType. */
    enum NameType {
        SimpleName,
        EmailName,
        UpnName,
        DnsName,
        DnsFromAlternativeName,
        UrlName;

        /** The type by its name in any letter case, or by its number as .NET's Enum.Parse reads it; or null. */
        static NameType of(String text) {
            String t = text.strip();
            for (NameType type : values()) {
                if (type.name().equalsIgnoreCase(t)
                        || Integer.toString(type.ordinal()).equals(t)) {
                    return type;
                }
            }
            return null;
        }
    }

    private static final String UPN_OID = "1.3.6.1.4.1.311.20.2.3";

    /**
     * .NET's {@code GetNameInfo(nameType, forIssuer)} as its managed (Linux) implementation computes it, which
     * mirrors Windows' CertGetNameString: SimpleName is the name's CN, else its OU, O, E or first attribute,
     * else the alternative name's e-mail; EmailName the alternative name's e-mail, else the name's E; UpnName
     * the alternative name's UPN; DnsName the alternative name's first DNS name, else the name's CN;
     * DnsFromAlternativeName the DNS name alone; UrlName the alternative name's URI. Nothing found is "".
     * The issuer's alternative name is the issuerAltName extension.
     */
    String nameInfo(NameType type, boolean forIssuer) {
        byte[] name = forIssuer ? issuer : subject;
        List<X500Names.Attribute> attributes = X500Names.reversed(name);
        if (type == NameType.SimpleName) {
            String simple = simpleName(attributes);
            if (simple != null) {
                return simple;
            }
        }
        int choice =
                switch (type) {
                    case SimpleName, EmailName -> 1; // rfc822Name
                    case UpnName -> 0; // otherName
                    case DnsName, DnsFromAlternativeName -> 2; // dNSName
                    case UrlName -> 6; // uniformResourceIdentifier
                };
        String altNameOid = forIssuer ? "2.5.29.18" : "2.5.29.17";
        for (Extension e : extensions) {
            if (e.oid().equals(altNameOid)) {
                String found = alternativeName(e.value(), choice);
                if (found != null) {
                    return found;
                }
            }
        }
        String fallback =
                type == NameType.EmailName ? X500Names.EMAIL : type == NameType.DnsName ? X500Names.COMMON_NAME : null;
        for (X500Names.Attribute a : attributes) {
            if (a.oid().equals(fallback)) {
                return a.text();
            }
        }
        return "";
    }

    private static String simpleName(List<X500Names.Attribute> attributes) {
        String ou = null;
        String o = null;
        String email = null;
        String first = null;
        for (X500Names.Attribute a : attributes) {
            switch (a.oid()) {
                case X500Names.COMMON_NAME -> {
                    return a.text();
                }
                case X500Names.ORGANIZATIONAL_UNIT -> ou = a.text();
                case X500Names.ORGANIZATION -> o = a.text();
                case X500Names.EMAIL -> email = a.text();
                default -> first = first == null ? a.text() : first;
            }
        }
        return ou != null ? ou : o != null ? o : email != null ? email : first;
    }

    /** The first GeneralName of this choice in a GeneralNames value, or null. */
    private static String alternativeName(byte[] generalNames, int choice) {
        Der names = new Der(generalNames).next(Der.SEQUENCE).children();
        while (names.hasMore()) {
            Der.Element name = names.next();
            if (choice == 0 && name.tag() == 0xA0) {
                Der other = name.children();
                if (Der.oid(other.next()).equals(UPN_OID)) {
                    return Der.string(other.next(0xA0).children().next());
                }
            } else if (choice != 0 && name.tag() == (0x80 | choice)) {
                return new String(name.content(), StandardCharsets.ISO_8859_1); // an IA5String
            }
        }
        return null;
    }

    Instant notBefore() {
        return x509.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return x509.getNotAfter().toInstant();
    }

    /** The SHA-1 hash of the DER bytes in upper-case hex: .NET's Thumbprint and GetCertHashString(). */
    String sha1Hex() {
        return hex(digest("SHA-1", der));
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
