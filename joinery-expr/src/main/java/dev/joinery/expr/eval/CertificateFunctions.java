package dev.joinery.expr.eval;

import static dev.joinery.expr.EvaluationException.Code.INVALID_ARGUMENT;

import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The 22 Certificate functions, thin wrappers over .NET's {@code X509Certificate2} in the reference, here
 * over {@link RawCertificate}, and the undocumented {@code Thumbprint} of Microsoft's device rules.
 *
 * <p>Each takes "certificateRawData: Byte array representation of an X.509 certificate. The byte array can
 * be binary (DER) encoded or Base64-encoded X.509 data": a binary value with DER bytes or with the bytes of
 * base64/PEM text, or a string of base64/PEM text. A multi-valued argument, such as {@code
 * [userCertificate]}, is taken value by value. NULL gives NULL (IsCert: False); data that is not a
 * certificate is an {@code INVALID_ARGUMENT} (IsCert: False); another type is a {@code TYPE_MISMATCH}.
 *
 * <p>{@code CertNotAfter} and {@code CertNotBefore} are documented as "in local time": the engine runs in
 * UTC, so they are the certificate's UTC instants.
 */
final class CertificateFunctions {
    private CertificateFunctions() {}

    static final String CATEGORY = "Certificate";

    static void register(FunctionLibrary.Builder b) {
        field(b, "CertExtensionOids", "mvstr", c -> {
            List<Value> oids = new ArrayList<>();
            for (RawCertificate.Extension e : c.extensions) {
                if (e.critical()) {
                    oids.add(Value.of(e.oid()));
                }
            }
            return Value.multi(oids);
        });
        field(b, "CertFormat", "str", c -> Value.of("X509")); // X509Certificate.GetFormat()
        field(b, "CertFriendlyName", "str", c -> Value.of("")); // a property of a store entry, never of raw data
        field(b, "CertHashString", "str", c -> Value.of(c.sha1Hex()));
        field(b, "CertIssuer", "str", c -> Value.of(X500Names.format(c.issuer)));
        field(b, "CertIssuerDN", "str", c -> Value.of(X500Names.format(c.issuer)));
        // .NET builds X500DistinguishedName with new Oid(null, null): its Oid.Value is null, so no value.
        field(b, "CertIssuerOid", "str", c -> Value.NULL);
        field(b, "CertKeyAlgorithm", "str", c -> Value.of(c.keyAlgorithm)); // GetKeyAlgorithm(): the OID
        field(b, "CertKeyAlgorithmParams", "str", c -> Value.of(RawCertificate.hex(c.keyAlgorithmParameters)));
        field(b, "CertNotAfter", "dt", c -> Value.of(c.notAfter()));
        field(b, "CertNotBefore", "dt", c -> Value.of(c.notBefore()));
        field(b, "CertPublicKeyOid", "str", c -> Value.of(c.keyAlgorithm)); // PublicKey.Oid
        // PublicKey.EncodedParameters is built as new AsnEncodedData(keyAlgorithmOid, parameters): its Oid
        // is the key algorithm's, not the curve's (the curve is in CertKeyAlgorithmParams).
        field(b, "CertPublicKeyParametersOid", "str", c -> Value.of(c.keyAlgorithm));
        field(b, "CertSerialNumber", "str", c -> Value.of(RawCertificate.hex(c.serial)));
        field(b, "CertSignatureAlgorithmOid", "str", c -> Value.of(c.signatureAlgorithm));
        field(b, "CertSubject", "str", c -> Value.of(X500Names.format(c.subject)));
        field(b, "CertSubjectNameDN", "str", c -> Value.of(X500Names.format(c.subject)));
        field(b, "CertSubjectNameOid", "str", c -> Value.NULL); // as CertIssuerOid
        field(b, "CertThumbprint", "str", c -> Value.of(c.sha1Hex()));
        field(b, "CertVersion", "str", c -> Value.of(Integer.toString(c.x509.getVersion())));

        b.function(
                        "CertNameInfo",
                        CATEGORY,
                        "str CertNameInfo(binary certificateRawData, str x509NameType, bool includesIssuerName)")
                .args(Param.SCALAR, Param.SCALAR, Param.SCALAR)
                .strict((site, args, frame) -> {
                    if (args[0].isNull() || args[1].isNull() || args[2].isNull()) {
                        return Value.NULL;
                    }
                    RawCertificate c = certificate(site, args[0]);
                    String typeName = Coerce.str(site, 1, args[1]);
                    boolean forIssuer = Coerce.bool(site, 2, args[2]);
                    RawCertificate.NameType type = RawCertificate.NameType.of(typeName);
                    if (type == null) {
                        throw site.error(
                                INVALID_ARGUMENT,
                                "\"" + typeName + "\" is not an X509NameType; use SimpleName, EmailName, UpnName,"
                                        + " DnsName, DnsFromAlternativeName or UrlName");
                    }
                    try {
                        return Value.of(c.nameInfo(type, forIssuer));
                    } catch (IllegalArgumentException e) {
                        throw site.error(INVALID_ARGUMENT, "the certificate's alternative name is malformed");
                    }
                });

        b.function("IsCert", CATEGORY, "bool IsCert(binary certificateRawData)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> Value.of(read(args[0]) != null));

        // Thumbprint is not in the reference. Microsoft's NGC-key rules build a key id as
        // CBin(Len(Thumbprint(key)),2) & CBin(2,1) & Thumbprint(key) & key; the type byte 2 and the need for a
        // length suggest a SHA-256 hash (32 bytes). That is an inference from those rules.
        b.function("Thumbprint", CATEGORY, "bin Thumbprint(bin data)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> args[0].isNull()
                        ? Value.NULL
                        : Value.ofBytes(RawCertificate.digest("SHA-256", Coerce.bin(site, 0, args[0]))));
    }

    /** A function of one certificate argument. */
    private static void field(
            FunctionLibrary.Builder b, String name, String returns, Function<RawCertificate, Value> body) {
        b.function(name, CATEGORY, returns + " " + name + "(binary certificateRawData)")
                .args(Param.SCALAR)
                .strict((site, args, frame) -> args[0].isNull() ? Value.NULL : body.apply(certificate(site, args[0])));
    }

    private static RawCertificate certificate(Site site, Value v) {
        if (!(v instanceof Value.Bin) && !(v instanceof Value.Str)) {
            throw site.typeMismatch(0, "bin (an X.509 certificate)", v);
        }
        RawCertificate c = read(v);
        if (c == null) {
            throw site.error(
                    INVALID_ARGUMENT,
                    Coerce.describe(v) + " is not an X.509 certificate (DER bytes, or base64 with or without PEM"
                            + " armour)");
        }
        return c;
    }

    /** The certificate in a binary or text value, or null. */
    private static RawCertificate read(Value v) {
        if (v instanceof Value.Bin bin) {
            return RawCertificate.parse(bin.bytes());
        } else if (v instanceof Value.Str s) {
            return RawCertificate.parse(s.value());
        }
        return null;
    }
}
