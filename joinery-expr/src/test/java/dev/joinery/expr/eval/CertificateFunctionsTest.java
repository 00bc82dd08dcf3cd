package dev.joinery.expr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Certificate functions over real certificates made once by {@code certs/generate.sh} (OpenSSL 3.0):
 * {@code root-ca} (self-signed RSA CA), {@code rsa-user} (RSA, signed by the CA, with e-mail, UPN, DNS and
 * URI alternative names and critical basicConstraints and keyUsage), {@code ec} (self-signed P-256 with an
 * e-mail address in the subject) and {@code expired} (valid 2019-2020, a comma, a quote and a multi-valued
 * part in its subject).
 *
 * <p>Expected values come from OpenSSL, not from the code under test: thumbprints from {@code openssl x509
 * -noout -fingerprint -sha1} (colons removed), serial numbers and key parameters from {@code openssl
 * asn1parse} (the raw INTEGER bytes, with the leading 00 that .NET keeps and {@code -serial} drops), dates
 * from {@code -startdate -enddate}, names from {@code -nameopt RFC2253 -subject -issuer} rewritten in .NET's
 * form, SHA-256 from {@code openssl dgst -sha256}.
 */
class CertificateFunctionsTest {

    private static final List<String> CERTIFICATE_FUNCTIONS = List.of(
            "CertExtensionOids",
            "CertFormat",
            "CertFriendlyName",
            "CertHashString",
            "CertIssuer",
            "CertIssuerDN",
            "CertIssuerOid",
            "CertKeyAlgorithm",
            "CertKeyAlgorithmParams",
            "CertNotAfter",
            "CertNotBefore",
            "CertPublicKeyOid",
            "CertPublicKeyParametersOid",
            "CertSerialNumber",
            "CertSignatureAlgorithmOid",
            "CertSubject",
            "CertSubjectNameDN",
            "CertSubjectNameOid",
            "CertThumbprint",
            "CertVersion");

    private static byte[] resource(String name) {
        try (InputStream in = CertificateFunctionsTest.class.getResourceAsStream("/certs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource certs/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Value der(String cert) {
        return Value.ofBytes(resource(cert + ".der"));
    }

    private static Value eval(String expression, Value userCertificate) {
        return Expression.compile(expression)
                .evaluate(MapEvaluationContext.builder()
                        .attribute("userCertificate", userCertificate)
                        .build());
    }

    private static Value eval(String expression) {
        return Expression.compile(expression).evaluate(MapEvaluationContext.empty());
    }

    private static EvaluationException failure(String expression, Value userCertificate) {
        Throwable t = catchThrowable(() -> eval(expression, userCertificate));
        assertThat(t).as(expression).isInstanceOf(EvaluationException.class);
        return (EvaluationException) t;
    }

    /** Every single-valued field of every test certificate, against values read with OpenSSL. */
    @ParameterizedTest(name = "{1}({0}) = {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "rsa-user | CertThumbprint             | 64D9257D71D6906AE3B7E07A8B5FE65FED5ED614",
                "rsa-user | CertHashString             | 64D9257D71D6906AE3B7E07A8B5FE65FED5ED614",
                "rsa-user | CertSerialNumber           | 008A1B2C3D4E5F6071",
                "rsa-user | CertSubject                | CN=Test User, OU=IT, O=Contoso, C=US",
                "rsa-user | CertSubjectNameDN          | CN=Test User, OU=IT, O=Contoso, C=US",
                "rsa-user | CertIssuer                 | CN=Contoso Test Root CA, O=Contoso, C=US",
                "rsa-user | CertIssuerDN               | CN=Contoso Test Root CA, O=Contoso, C=US",
                "rsa-user | CertSignatureAlgorithmOid  | 1.2.840.113549.1.1.11",
                "rsa-user | CertKeyAlgorithm           | 1.2.840.113549.1.1.1",
                "rsa-user | CertKeyAlgorithmParams     | 0500",
                "rsa-user | CertPublicKeyOid           | 1.2.840.113549.1.1.1",
                "rsa-user | CertPublicKeyParametersOid | 1.2.840.113549.1.1.1",
                "rsa-user | CertVersion                | 3",
                "rsa-user | CertFormat                 | X509",
                "rsa-user | CertFriendlyName           | ``",
                "root-ca  | CertThumbprint             | 1C09927F943CF89E9F096FE54142AF2160BCD947",
                "root-ca  | CertSerialNumber           | 01",
                "root-ca  | CertSubject                | CN=Contoso Test Root CA, O=Contoso, C=US",
                "root-ca  | CertIssuer                 | CN=Contoso Test Root CA, O=Contoso, C=US",
                "ec       | CertThumbprint             | 255832FA572F9E9E4C7C15E245B8B5CDF4FEFE41",
                "ec       | CertSerialNumber           | 0102",
                "ec       | CertSubject                | E=ec.admin@contoso.com, CN=ec.contoso.com, O=Contoso, C=US",
                "ec       | CertIssuerDN               | E=ec.admin@contoso.com, CN=ec.contoso.com, O=Contoso, C=US",
                "ec       | CertSignatureAlgorithmOid  | 1.2.840.10045.4.3.2",
                "ec       | CertKeyAlgorithm           | 1.2.840.10045.2.1",
                "ec       | CertKeyAlgorithmParams     | 06082A8648CE3D030107",
                "ec       | CertPublicKeyOid           | 1.2.840.10045.2.1",
                "ec       | CertPublicKeyParametersOid | 1.2.840.10045.2.1",
                "ec       | CertVersion                | 3",
                "expired  | CertThumbprint             | E593831B035721880233F584F89E6EAD49D6B5FA",
                "expired  | CertSerialNumber           | 03",
                "expired  | CertSubject                | `CN=\"Smith, John\" + OID.0.9.2342.19200300.100.1.1=jsmith, O=\"Contoso \"\"Legacy\"\"\", C=US`",
                "expired  | CertIssuer                 | CN=Contoso Test Root CA, O=Contoso, C=US",
            })
    void textFieldsAreThoseDotNetX509Certificate2Gives(String cert, String function, String expected) {
        assertThat(eval(function + "([userCertificate])", der(cert))).isEqualTo(Value.of(expected));
    }

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
        "rsa-user, 2024-03-01T00:00:00Z, 2034-03-01T12:00:00Z",
        "root-ca, 2024-01-01T00:00:00Z, 2044-01-01T00:00:00Z",
        "ec, 2024-06-01T00:00:00Z, 2029-06-01T00:00:00Z",
        "expired, 2019-01-01T00:00:00Z, 2020-01-01T00:00:00Z",
    })
    void validityDatesAreUtcInstants(String cert, String notBefore, String notAfter) {
        assertThat(eval("CertNotBefore([userCertificate])", der(cert))).isEqualTo(Value.of(Instant.parse(notBefore)));
        assertThat(eval("CertNotAfter([userCertificate])", der(cert))).isEqualTo(Value.of(Instant.parse(notAfter)));
    }

    /** FUNCREF CertExtensionOids: "Returns the Oid values of all the critical extensions of a certificate object." */
    @Test
    void extensionOidsAreThoseOfTheCriticalExtensionsInCertificateOrder() {
        Value basicConstraintsAndKeyUsage = Value.multi(List.of(Value.of("2.5.29.19"), Value.of("2.5.29.15")));
        assertThat(eval("CertExtensionOids([userCertificate])", der("rsa-user")))
                .isEqualTo(basicConstraintsAndKeyUsage);
        assertThat(eval("CertExtensionOids([userCertificate])", der("root-ca"))).isEqualTo(basicConstraintsAndKeyUsage);
        assertThat(eval("CertExtensionOids([userCertificate])", der("ec")))
                .isEqualTo(Value.multi(List.of(Value.of("2.5.29.19"))));
        assertThat(eval("CertExtensionOids([userCertificate])", der("expired"))).isEqualTo(Value.Multi.EMPTY);
    }

    /**
     * FUNCREF CertIssuerOid "Returns the Oid of the certificate issuer", CertSubjectNameOid "the Oid of the
     * subject name". Those are .NET's X500DistinguishedName.Oid, which .NET creates as {@code new Oid(null,
     * null)} for a name read from a certificate: its Value is null, so the functions give no value.
     */
    @Test
    void issuerAndSubjectNameOidsHaveNoValueAsInDotNet() {
        assertThat(eval("CertIssuerOid([userCertificate])", der("rsa-user"))).isEqualTo(Value.NULL);
        assertThat(eval("CertSubjectNameOid([userCertificate])", der("ec"))).isEqualTo(Value.NULL);
    }

    /**
     * FUNCREF CertPublicKeyParametersOid: "Returns the Oid of the public key parameters". .NET's
     * X509Certificate2.PublicKey builds its EncodedParameters as {@code new AsnEncodedData(oid, parameters)}
     * with the key algorithm's Oid, so the result is the key algorithm (1.2.840.10045.2.1 for EC), not the
     * curve. We follow .NET over the name; the curve is in CertKeyAlgorithmParams (06 08 + the P-256 OID).
     */
    @Test
    void publicKeyParametersOidIsTheKeyAlgorithmAsInDotNetNotTheCurve() {
        assertThat(eval("CertPublicKeyParametersOid([userCertificate])", der("ec")))
                .isEqualTo(Value.of("1.2.840.10045.2.1"));
        assertThat(eval("CertKeyAlgorithmParams([userCertificate])", der("ec")))
                .isEqualTo(Value.of("06082A8648CE3D030107"));
    }

    /**
     * Reference defect (notes §1.9): the syntax lines of CertKeyAlgorithmParams and CertPublicKeyOid read
     * {@code str CertKeyAlgorithm(...)}, CertVersion's reads {@code str CertThumbprint(...)} and IsCert's
     * {@code bool CertThumbprint(...)}. We take the section headings and descriptions as right and the syntax
     * lines as copy-paste slips: each name is its own function with its described result, and
     * CertKeyAlgorithm and CertThumbprint keep theirs.
     */
    @Test
    void functionsWithMislabelledSyntaxLinesAreNamedByTheirHeadings() {
        Value c = der("rsa-user");
        assertThat(eval("CertKeyAlgorithmParams([userCertificate])", c)).isEqualTo(Value.of("0500"));
        assertThat(eval("CertPublicKeyOid([userCertificate])", c)).isEqualTo(Value.of("1.2.840.113549.1.1.1"));
        assertThat(eval("CertVersion([userCertificate])", c)).isEqualTo(Value.of("3"));
        assertThat(eval("IsCert([userCertificate])", c)).isEqualTo(Value.TRUE);
        assertThat(eval("CertKeyAlgorithm([userCertificate])", c)).isEqualTo(Value.of("1.2.840.113549.1.1.1"));
        assertThat(eval("CertThumbprint([userCertificate])", c))
                .isEqualTo(Value.of("64D9257D71D6906AE3B7E07A8B5FE65FED5ED614"));
    }

    @Test
    void allDocumentedCertificateFunctionsAndThumbprintExist() {
        assertThat(CompiledExpression.functionNames())
                .containsAll(CERTIFICATE_FUNCTIONS)
                .contains("CertNameInfo", "IsCert", "Thumbprint");
    }

    // ---- input forms ----------------------------------------------------------------------------------

    /** "The byte array can be binary (DER) encoded or Base64-encoded X.509 data." */
    @Test
    void derBase64AndPemAreAcceptedAsBinaryAndAsText() {
        byte[] derBytes = resource("rsa-user.der");
        String pem = new String(resource("rsa-user.pem"), StandardCharsets.US_ASCII);
        String base64 = Base64.getEncoder().encodeToString(derBytes);
        String wrapped = Base64.getMimeEncoder().encodeToString(derBytes);
        Value expected = Value.of("64D9257D71D6906AE3B7E07A8B5FE65FED5ED614");
        for (Value input : List.of(
                Value.ofBytes(derBytes),
                Value.ofBytes(pem.getBytes(StandardCharsets.US_ASCII)),
                Value.ofBytes(base64.getBytes(StandardCharsets.US_ASCII)),
                Value.of(pem),
                Value.of(base64),
                Value.of(wrapped),
                Value.of("  " + base64 + "\r\n"))) {
            assertThat(eval("CertThumbprint([userCertificate])", input))
                    .as("%s", input)
                    .isEqualTo(expected);
            assertThat(eval("IsCert([userCertificate])", input)).isEqualTo(Value.TRUE);
        }
    }

    static List<String> certificateFunctions() {
        return CERTIFICATE_FUNCTIONS;
    }

    @ParameterizedTest(name = "{0}(NULL) is NULL")
    @MethodSource("certificateFunctions")
    void nullOrAnAbsentAttributeGivesNull(String function) {
        assertThat(eval(function + "(NULL)")).isEqualTo(Value.NULL);
        assertThat(eval(function + "([absent])")).isEqualTo(Value.NULL);
    }

    @Test
    void certNameInfoAndThumbprintOfNullAreNull() {
        assertThat(eval("CertNameInfo([absent], \"SimpleName\", False)")).isEqualTo(Value.NULL);
        assertThat(eval("CertNameInfo([userCertificate], NULL, False)", der("ec")))
                .isEqualTo(Value.NULL);
        assertThat(eval("Thumbprint(NULL)")).isEqualTo(Value.NULL);
    }

    private static List<Value> garbage() {
        byte[] derBytes = resource("rsa-user.der");
        byte[] corrupted = derBytes.clone();
        corrupted[2] = 0x05; // the outer SEQUENCE now claims 0x050B bytes: more than there are
        return List.of(
                Value.ofBytes(new byte[] {1, 2, 3}),
                Value.ofBytes(new byte[0]),
                Value.ofBytes(Arrays.copyOf(derBytes, 100)),
                Value.ofBytes(new byte[] {0x30, (byte) 0x84, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}),
                Value.of("not a certificate"),
                Value.of(""),
                Value.of("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"),
                Value.of("-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(derBytes)),
                Value.of(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII))),
                Value.ofBytes(corrupted));
    }

    /** FUNCREF IsCert: "Returns true if the raw data can be serialized into .NET X509Certificate2 certificate object." */
    @Test
    void dataThatIsNoCertificateIsAnInvalidArgumentAndIsCertFalse() {
        for (Value input : garbage()) {
            for (String function : CERTIFICATE_FUNCTIONS) {
                EvaluationException e = failure(function + "([userCertificate])", input);
                assertThat(e.code())
                        .as("%s of %s", function, input)
                        .isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
                assertThat(e.problem()).startsWith(function + ": ").contains("not an X.509 certificate");
            }
            assertThat(failure("CertNameInfo([userCertificate], \"SimpleName\", False)", input)
                            .code())
                    .isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
            assertThat(eval("IsCert([userCertificate])", input)).as("%s", input).isEqualTo(Value.FALSE);
        }
    }

    @Test
    void isCertIsFalseAndNeverAnErrorForNullAndOtherTypes() {
        assertThat(eval("IsCert(NULL)")).isEqualTo(Value.FALSE);
        assertThat(eval("IsCert(42)")).isEqualTo(Value.FALSE);
        assertThat(eval("IsCert(True)")).isEqualTo(Value.FALSE);
        assertThat(eval("IsCert(Now())")).isEqualTo(Value.FALSE);
    }

    @Test
    void aNumberIsATypeMismatch() {
        assertThat(failure("CertSubject([userCertificate])", Value.of(42)).code())
                .isEqualTo(EvaluationException.Code.TYPE_MISMATCH);
    }

    // ---- multi-valued userCertificate --------------------------------------------------------------

    private static Value twoCertificates() {
        return Value.multi(List.of(der("rsa-user"), der("expired")));
    }

    private static MapEvaluationContext certificatesAt(String now) {
        return MapEvaluationContext.builder()
                .attribute("userCertificate", twoCertificates())
                .clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC))
                .build();
    }

    @Test
    void aMultiValuedAttributeIsTakenValueByValue() {
        assertThat(eval("CertThumbprint([userCertificate])", twoCertificates()))
                .isEqualTo(Value.multi(List.of(
                        Value.of("64D9257D71D6906AE3B7E07A8B5FE65FED5ED614"),
                        Value.of("E593831B035721880233F584F89E6EAD49D6B5FA"))));
        assertThat(eval("CertExtensionOids([userCertificate])", twoCertificates()))
                .isEqualTo(Value.multi(List.of(Value.of("2.5.29.19"), Value.of("2.5.29.15"))));
        assertThat(eval("IsCert([userCertificate])", Value.multi(List.of(der("ec"), Value.of("junk")))))
                .isEqualTo(Value.multi(List.of(Value.TRUE, Value.FALSE)));
    }

    @Test
    void notAfterComparedWithNowTellsEachCertificateApartWithAFixedClock() {
        assertThat(Expression.compile("CertNotAfter([userCertificate])>Now()")
                        .evaluate(certificatesAt("2025-01-01T00:00:00Z")))
                .isEqualTo(Value.multi(List.of(Value.TRUE, Value.FALSE)));
        assertThat(Expression.compile("CertNotAfter([userCertificate])>Now()")
                        .evaluate(certificatesAt("2035-01-01T00:00:00Z")))
                .isEqualTo(Value.multi(List.of(Value.FALSE, Value.FALSE)));
    }

    /**
     * FUNCREF Where: "{@code Where($item,[userCertificate],CertNotAfter($item)>Now())} Return the certificate
     * values in the multi-valued attribute userCertificate which aren’t expired." Where belongs to the
     * Program Flow functions; this runs once they are in the library.
     */
    @Test
    void whereKeepsTheCertificatesThatAreNotExpired() {
        assumeTrue(CompiledExpression.functionNames().contains("Where"), "Where is not implemented yet");
        Expression unexpired = Expression.compile("Where($item,[userCertificate],CertNotAfter($item)>Now())");
        assertThat(unexpired.evaluate(certificatesAt("2025-01-01T00:00:00Z")))
                .isEqualTo(Value.multi(List.of(der("rsa-user"))));
        assertThat(unexpired.evaluate(certificatesAt("2019-06-01T00:00:00Z"))).isEqualTo(twoCertificates());
        assertThat(unexpired.evaluate(certificatesAt("2035-01-01T00:00:00Z")).isNull())
                .isTrue();
    }

    // ---- CertNameInfo --------------------------------------------------------------------------------

    /**
     * FUNCREF CertNameInfo: "Returns the subject and issuer names from a certificate"; "X509NameType: The
     * X509NameType value for the subject"; "includesIssuerName: true to include the issuer name". Results as
     * .NET's GetNameInfo gives them.
     */
    @ParameterizedTest(name = "CertNameInfo({0}, {1}, {2}) = \"{3}\"")
    @CsvSource(
            quoteCharacter = '`',
            value = {
                "rsa-user, SimpleName, False, Test User",
                "rsa-user, EmailName, False, test.user@contoso.com",
                "rsa-user, UpnName, False, test.user@contoso.com",
                "rsa-user, DnsName, False, test.contoso.com",
                "rsa-user, DnsFromAlternativeName, False, test.contoso.com",
                "rsa-user, UrlName, False, https://contoso.com/test",
                "rsa-user, SimpleName, True, Contoso Test Root CA",
                "rsa-user, EmailName, True, ``",
                "rsa-user, UpnName, True, ``",
                "rsa-user, DnsName, True, Contoso Test Root CA",
                "rsa-user, DnsFromAlternativeName, True, ``",
                "ec, SimpleName, False, ec.contoso.com",
                "ec, EmailName, False, ec.admin@contoso.com",
                "ec, UpnName, False, ``",
                "ec, DnsFromAlternativeName, False, ec.contoso.com",
                "ec, UrlName, False, ``",
                "expired, SimpleName, False, `Smith, John`",
                "expired, DnsName, False, `Smith, John`",
                "expired, EmailName, False, ``",
                "rsa-user, simplename, False, Test User",
                "rsa-user, 1, False, test.user@contoso.com",
            })
    void nameInfoFollowsDotNetGetNameInfo(String cert, String type, String issuer, String expected) {
        assertThat(eval("CertNameInfo([userCertificate], \"" + type + "\", " + issuer + ")", der(cert)))
                .isEqualTo(Value.of(expected));
    }

    @Test
    void nameInfoRefusesAnUnknownNameType() {
        EvaluationException e = failure("CertNameInfo([userCertificate], \"Nickname\", False)", der("rsa-user"));
        assertThat(e.code()).isEqualTo(EvaluationException.Code.INVALID_ARGUMENT);
        assertThat(e.problem())
                .startsWith("CertNameInfo: ")
                .contains("\"Nickname\"")
                .contains("SimpleName");
    }

    // ---- Thumbprint ------------------------------------------------------------------------------------

    /**
     * Not in the reference; used by Microsoft's NGC-key rules as {@code CBin(Len(Thumbprint(...)),2) & CBin(2,1)
     * & Thumbprint(...)}. Taken to be the SHA-256 hash of the bytes (an inference); values from {@code
     * openssl dgst -sha256}.
     */
    @Test
    void thumbprintIsTheSha256HashOfTheBytesAsBinary() {
        Value hello = Value.ofBytes("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(eval("Thumbprint([userCertificate])", hello))
                .isEqualTo(Value.ofBytes(
                        HexFormat.of().parseHex("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")));
        Value hash = eval("Thumbprint([userCertificate])", der("ec"));
        assertThat(hash)
                .isEqualTo(Value.ofBytes(
                        HexFormat.of().parseHex("fdd7d0d3210d2bda2e71662cfcdda778a182109fd868aa0ae3b71bc34a949fc3")));
        assertThat(((Value.Bin) hash).length()).isEqualTo(32);
        assertThat(failure("Thumbprint([userCertificate])", Value.of("text")).code())
                .isEqualTo(EvaluationException.Code.TYPE_MISMATCH);
    }
}
