package dev.joinery.expr.conformance;

import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The documented examples of the functions reference with their documented results, category by category, as
 * listed in the §1.8 table of aadc-semantics-notes.md (rows marked "computed" there are results the notes
 * verified by hand). Each row quotes where it comes from.
 */
final class DocumentedExamples {
    private DocumentedExamples() {}

    private static final String FUNCREF = "reference-connect-sync-functions-reference.md, ";
    private static final String EXPR = "concept-azure-ad-connect-sync-declarative-provisioning-expressions.md: ";
    private static final String NOTES = "aadc-semantics-notes.md ";

    /** One documented example: the expression, the object it runs on, the documented result and its source. */
    record Example(String category, String expression, MapEvaluationContext object, Value expected, String source) {
        @Override
        public String toString() {
            return "[" + category + "] " + expression;
        }
    }

    private static Example row(String category, String expression, Value expected, String source) {
        return new Example(category, expression, object(), expected, source);
    }

    private static Example row(
            String category, String expression, MapEvaluationContext object, Value expected, String source) {
        return new Example(category, expression, object, expected, source);
    }

    /**
     * An object with the given attributes ({@code name, value} pairs: a String, a long, a Value, or a List of
     * Strings for a multi-valued attribute), the AD connector's parameters, a fixed clock and a seeded random.
     */
    static MapEvaluationContext object(Object... attributes) {
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        GeneratedObjects.PARAMETERS.forEach(b::parameter);
        b.clock(Clock.fixed(GeneratedObjects.NOW, ZoneOffset.UTC)).random(new SplittableRandom(42));
        for (int i = 0; i < attributes.length; i += 2) {
            String name = (String) attributes[i];
            Object value = attributes[i + 1];
            if (value instanceof Value v) {
                b.attribute(name, v);
            } else if (value instanceof Long n) {
                b.attribute(name, n);
            } else if (value instanceof List<?> list) {
                b.multiValued(
                        name,
                        list.stream().map(x -> (Value) Value.of((String) x)).toList());
            } else {
                b.attribute(name, (String) value);
            }
        }
        return b.build();
    }

    static Value str(String s) {
        return Value.of(s);
    }

    static Value num(long n) {
        return Value.of(n);
    }

    static Value utc(String instant) {
        return Value.of(Instant.parse(instant));
    }

    static Value multi(String... values) {
        return Value.multi(Stream.of(values).map(Value::of).toList());
    }

    /** The table: every documented example with its documented result and where it comes from. */
    static Stream<Example> all() {
        String dnAtlanta = "cn=Joe,ou=Atlanta,ou=GA,ou=US, dc=contoso,dc=com";
        return Stream.of(
                // Math
                row(
                        "Math",
                        "BitAnd(&HF, &HF7)",
                        num(7),
                        FUNCREF + "BitAnd: \"Returns 7 because hexadecimal \"F\""
                                + " AND \"F7\" evaluate to this value.\""),
                row("Math", "BitOr(&HF, &HF7)", num(255), NOTES + "§1.8: \"BitOr(&HF, &HF7) | 255 (computed)\""),
                // Certificate
                row(
                        "Certificate",
                        "IsCert([userCertificate])",
                        object("userCertificate", certificate("valid.cer")),
                        Value.TRUE,
                        FUNCREF + "IsCert: \"Returns true if the raw data can be serialized into .NET X509Certificate2"
                                + " certificate object.\""),
                row(
                        "Certificate",
                        "IsCert([userCertificate])",
                        object("userCertificate", Value.ofBytes(new byte[] {1, 2, 3})),
                        Value.FALSE,
                        FUNCREF + "IsCert (three bytes are no certificate)"),
                row(
                        "Certificate",
                        "CertThumbprint([userCertificate])",
                        object("userCertificate", certificate("expired.cer")),
                        str("CE5FBEA12B14F08CB3D2E9379D9067E9A5A27C2E"),
                        NOTES + "§1.7: \"CertHashString/CertThumbprint = uppercase hex SHA-1 of DER in .NET\""),
                row(
                        "Certificate",
                        "CertThumbprint([userCertificate])",
                        object(
                                "userCertificate",
                                Base64.getEncoder().encodeToString(((Value.Bin) certificate("expired.cer")).bytes())),
                        str("CE5FBEA12B14F08CB3D2E9379D9067E9A5A27C2E"),
                        FUNCREF + "CertThumbprint: \"The byte array can be binary (DER) encoded or Base64-encoded X.509"
                                + " data.\""),
                row(
                        "Certificate",
                        "CertNotAfter([userCertificate])",
                        object("userCertificate", certificate("expired.cer")),
                        utc("2001-01-01T00:00:00Z"),
                        FUNCREF
                                + "CertNotAfter: \"Returns the date in local time after which a certificate is no longer"
                                + " valid.\" (Joinery's dt is UTC)"),
                // Conversion
                row(
                        "Conversion",
                        "CBool([attrib1] = [attrib2])",
                        object("attrib1", "Contoso", "attrib2", "Contoso"),
                        Value.TRUE,
                        FUNCREF + "CBool: \"Returns True if both attributes have the same value.\""),
                row(
                        "Conversion",
                        "CBool([attrib1] = [attrib2])",
                        object("attrib1", "Contoso", "attrib2", "Fabrikam"),
                        Value.FALSE,
                        FUNCREF + "CBool: \"If the expression evaluates to a non-zero value, then CBool returns True,"
                                + " else it returns False.\""),
                row(
                        "Conversion",
                        "CDate(\"2013-01-10 4:00 PM -8\")",
                        utc("2013-01-11T00:00:00Z"),
                        FUNCREF + "CDate: \"Returns a DateTime representing \"2013-01-11 12:00 AM\"\"; \"The returned"
                                + " string is always in UTC.\""),
                row(
                        "Conversion",
                        "ConvertFromBase64(\"SABlAGwAbABvACAAdwBvAHIAbABkACEA\")",
                        str("Hello world!"),
                        FUNCREF + "ConvertFromBase64: \"Both examples return \"Hello world!\"\" (assumes Unicode)"),
                row(
                        "Conversion",
                        "ConvertFromBase64(\"SGVsbG8gd29ybGQh\", UTF8)",
                        str("Hello world!"),
                        FUNCREF + "ConvertFromBase64: \"Both examples return \"Hello world!\"\""),
                row(
                        "Conversion",
                        "ConvertFromUTF8Hex(\"48656C6C6F20776F726C6421\")",
                        str("Hello world!"),
                        FUNCREF + "ConvertFromUTF8Hex: \"Returns \"Hello world!\"\""),
                row(
                        "Conversion",
                        "ConvertToBase64(\"Hello world!\")",
                        str("SABlAGwAbABvACAAdwBvAHIAbABkACEA"),
                        FUNCREF + "ConvertToBase64: \"Returns \"SABlAGwAbABvACAAdwBvAHIAbABkACEA\"\""),
                row(
                        "Conversion",
                        "ConvertToUTF8Hex(\"Hello world!\")",
                        str("48656C6C6F20776F726C6421"),
                        FUNCREF + "ConvertToUTF8Hex: \"Returns 48656C6C6F20776F726C6421\""),
                row(
                        "Conversion",
                        "ConvertToUTF8Hex(\"x4V0iaeB60KXxjftcwd7Hw==\")",
                        str("783456306961654236304B58786A66746377643748773D3D"),
                        NOTES + "§1.8 (computed; \"matches the AAD CS DN CN={7834...3D3D} printed in ERRORS\")"),
                row(
                        "Conversion",
                        "\"CN={\" & ConvertToUTF8Hex([sourceAnchor]) & \"}\"",
                        object("sourceAnchor", "x4V0iaeB60KXxjftcwd7Hw=="),
                        str("CN={783456306961654236304B58786A66746377643748773D3D}"),
                        NOTES + "§1.8: \"with sourceAnchor \"x4V0iaeB60KXxjftcwd7Hw==\"\" (Appendix B #4)"),
                row(
                        "Conversion",
                        "CRef(\"CN=LC Services,CN=Microsoft,CN=lcspool01,CN=Pools,CN=RTC Service,\" & %Forest.LDAP%)",
                        Value.ref("CN=LC Services,CN=Microsoft,CN=lcspool01,CN=Pools,CN=RTC Service,DC=contoso,DC=com"),
                        FUNCREF + "CRef: \"Converts a string to a reference attribute\""),
                row(
                        "Conversion",
                        "CStr([dn])",
                        object("dn", Value.ref("cn=Joe,dc=contoso,dc=com")),
                        str("cn=Joe,dc=contoso,dc=com"),
                        FUNCREF + "CStr: \"Could return \"cn=Joe,dc=contoso,dc=com\"\""),
                row(
                        "Conversion",
                        "IIF(IsGuid([strAttribute]),CGuid([strAttribute]),NULL)",
                        object("strAttribute", "00001111-aaaa-2222-bbbb-3333cccc4444"),
                        Value.ofBytes(HexFormat.of().parseHex("11110000aaaa2222bbbb3333cccc4444")),
                        FUNCREF + "IsGuid: \"If the StrAttribute has a GUID format, return a binary representation\""
                                + " (.NET byte order, " + NOTES + "§1.7 CGuid)"),
                row(
                        "Conversion",
                        "IIF(IsGuid([strAttribute]),CGuid([strAttribute]),NULL)",
                        object("strAttribute", "{00001111-aaaa-2222-bbbb-3333cccc4444}"),
                        Value.ofBytes(HexFormat.of().parseHex("11110000aaaa2222bbbb3333cccc4444")),
                        FUNCREF + "CGuid: \"00001111-aaaa-2222-bbbb-3333cccc4444 or"
                                + " {00001111-aaaa-2222-bbbb-3333cccc4444}\""),
                row(
                        "Conversion",
                        "IIF(IsGuid([strAttribute]),CGuid([strAttribute]),NULL)",
                        object("strAttribute", "not a guid"),
                        Value.NULL,
                        FUNCREF + "IsGuid: \"otherwise return a Null.\""),
                // Date / Time
                row(
                        "Date / Time",
                        "DateAdd(\"m\", 3, CDate(\"2001-01-01\"))",
                        utc("2001-04-01T00:00:00Z"),
                        FUNCREF + "DateAdd: \"Adds 3 months and returns a DateTime representing \"2001-04-01\".\""),
                row(
                        "Date / Time",
                        "DateFromNum(129699324000000000)",
                        utc("2012-01-01T23:00:00Z"),
                        FUNCREF + "DateFromNum: \"Returns a DateTime representing 2012-01-01 23:00:00\""),
                row(
                        "Date / Time",
                        "NumFromDate(CDate(\"2012-01-01 23:00:00\"))",
                        num(129699324000000000L),
                        FUNCREF + "NumFromDate: \"Returns 129699324000000000\""),
                row(
                        "Date / Time",
                        "FormatDateTime(CDate(\"12/25/2007\"),\"yyyy-MM-dd\")",
                        str("2007-12-25"),
                        FUNCREF + "FormatDateTime: \"Results in \"2007-12-25\".\""),
                row(
                        "Date / Time",
                        "FormatDateTime(DateFromNum([pwdLastSet]),\"yyyyMMddHHmmss.0Z\")",
                        object("pwdLastSet", 130543784930000000L),
                        str("20140905081453.0Z"),
                        FUNCREF + "FormatDateTime: \"Can result in \"20140905081453.0Z\"\""),
                row(
                        "Date / Time",
                        "Now()",
                        Value.of(GeneratedObjects.NOW),
                        FUNCREF + "Now: \"returns a DateTime specifying the current date and time, according to your"
                                + " computer's system date and time\" (the context's clock)"),
                // Directory
                row(
                        "Directory",
                        "DNComponent(CRef([dn]),1)",
                        object("dn", "cn=Joe,ou=Atlanta,dc=contoso,dc=com"),
                        str("Joe"),
                        FUNCREF + "DNComponent: \"If dn is \"cn=Joe,ou=…,\" it returns Joe\""),
                row(
                        "Directory",
                        "DNComponentRev(CRef([dn]),3)",
                        object("dn", dnAtlanta),
                        str("US"),
                        FUNCREF + "DNComponentRev: \"If dn is \"cn=Joe,ou=Atlanta,ou=GA,ou=US, dc=contoso,dc=com\""
                                + " then ... Both return US.\""),
                row(
                        "Directory",
                        "DNComponentRev(CRef([dn]),1,\"DC\")",
                        object("dn", dnAtlanta),
                        str("US"),
                        FUNCREF
                                + "DNComponentRev: \"DC – Ignore all components with \"dc=\"\" ... \"Both return US.\""),
                row(
                        "Directory",
                        "EscapeDNComponent(\"cn=\" & [displayName]) & \",\" & %Forest.LDAP%",
                        object("displayName", "Doe, John"),
                        str("cn=Doe\\, John,DC=contoso,DC=com"),
                        FUNCREF + "EscapeDNComponent: \"Makes sure the object can be created in an LDAP directory even"
                                + " if the displayName attribute has characters that must be escaped in LDAP.\""
                                + " (corrected parentheses and %Forest.LDAP%, " + NOTES + "§1.9)"),
                // Evaluation
                row(
                        "Evaluation",
                        "IsBitSet(&HF,4)",
                        Value.TRUE,
                        FUNCREF + "IsBitSet: \"Returns True because bit \"4\" is set in the hexadecimal value \"F\"\""),
                row(
                        "Evaluation",
                        "IsNull([displayName])",
                        Value.TRUE,
                        FUNCREF + "IsNull: \"Returns True if the attribute is not present in the CS or MV.\""),
                row(
                        "Evaluation",
                        "IsNull([displayName])",
                        object("displayName", "John Doe"),
                        Value.FALSE,
                        FUNCREF + "IsNull: \"For an attribute, a Null is expressed by the absence of the attribute.\""),
                row(
                        "Evaluation",
                        "IsNullOrEmpty([displayName])",
                        Value.TRUE,
                        FUNCREF + "IsNullOrEmpty: \"Returns True if the attribute is not present or is an empty string"
                                + " in the CS or MV.\""),
                row(
                        "Evaluation",
                        "IsNullOrEmpty([displayName])",
                        object("displayName", ""),
                        Value.TRUE,
                        FUNCREF + "IsNullOrEmpty: \"absent or is present but is an empty string\""),
                row(
                        "Evaluation",
                        "IsPresent([displayName])",
                        object("displayName", "John Doe"),
                        Value.TRUE,
                        FUNCREF + "IsPresent: \"If the expression evaluates to a string that is not Null and is not"
                                + " empty, then the IsPresent function returns true.\""),
                row(
                        "Evaluation",
                        "Switch(IsPresent([directManager]),[directManager], IsPresent([skiplevelManager]),"
                                + "[skiplevelManager], IsPresent([director]),[director])",
                        object("skiplevelManager", "CN=Skip,OU=Users,DC=contoso,DC=com"),
                        str("CN=Skip,OU=Users,DC=contoso,DC=com"),
                        FUNCREF + "IsPresent example; Switch: \"the value associated with the first expression to"
                                + " evaluate to True is returned\""),
                // Multi-valued
                row(
                        "Multi-valued",
                        "IIF(Contains([proxyAddresses],\"SMTP:\")>0,[proxyAddresses],Error(\"No primary SMTP address"
                                + " found.\"))",
                        object("proxyAddresses", List.of("smtp:jd@contoso.com", "SMTP:john.doe@contoso.com")),
                        multi("smtp:jd@contoso.com", "SMTP:john.doe@contoso.com"),
                        FUNCREF
                                + "Contains: \"If the proxyAddresses attribute has a primary email address (indicated by"
                                + " uppercase \"SMTP:\"), then return the proxyAddress attribute\""),
                row(
                        "Multi-valued",
                        "Mid(Item([proxyAddresses],Contains([proxyAddresses], \"SMTP:\")),6)",
                        object("proxyAddresses", List.of("smtp:jd@contoso.com", "SMTP:john.doe@contoso.com")),
                        str("john.doe@contoso.com"),
                        FUNCREF + "Item: \"Returns the primary email address.\""),
                row(
                        "Multi-valued",
                        "Join([proxyAddresses],\",\")",
                        object("proxyAddresses", List.of("SMTP:john.doe@contoso.com", "smtp:jd@contoso.com")),
                        str("SMTP:john.doe@contoso.com,smtp:jd@contoso.com"),
                        FUNCREF + "Join: \"Could return: \"SMTP:john.doe@contoso.com,smtp:jd@contoso.com\"\""),
                row(
                        "Multi-valued",
                        "Join([proxyAddresses])",
                        object("proxyAddresses", List.of("a", "b")),
                        str("a b"),
                        FUNCREF + "Join: \"If omitted, the space character (\" \") is used.\""),
                row(
                        "Multi-valued",
                        "RemoveDuplicates([proxyAddresses])",
                        object(
                                "proxyAddresses",
                                List.of("SMTP:a@contoso.com", "smtp:b@contoso.com", "SMTP:a@contoso.com")),
                        multi("SMTP:a@contoso.com", "smtp:b@contoso.com"),
                        FUNCREF + "RemoveDuplicates: \"Returns a sanitized proxyAddress attribute where all duplicate"
                                + " values have been removed.\""),
                row(
                        "Multi-valued",
                        "Split(\"SMTP:john.doe@contoso.com,smtp:jd@contoso.com\",\",\")",
                        multi("SMTP:john.doe@contoso.com", "smtp:jd@contoso.com"),
                        FUNCREF + "Split: \"Returns a multi-valued string with 2 elements useful for the proxyAddress"
                                + " attribute.\""),
                row(
                        "Multi-valued",
                        "Count(Split(\"SMTP:john.doe@contoso.com,smtp:jd@contoso.com\",\",\"))",
                        num(2),
                        FUNCREF + "Count: \"returns the number of elements in a multi-valued attribute\""),
                // Program flow
                row(
                        "Program flow",
                        "IIF([employeeType]=\"Intern\",\"t-\" & [alias],[alias])",
                        object("employeeType", "Intern", "alias", "jdoe"),
                        str("t-jdoe"),
                        FUNCREF
                                + "IIF: \"If the user is an intern, returns the alias of a user with \"t-\" added to the"
                                + " beginning of it\""),
                row(
                        "Program flow",
                        "IIF([employeeType]=\"Intern\",\"t-\" & [alias],[alias])",
                        object("employeeType", "Employee", "alias", "jdoe"),
                        str("jdoe"),
                        FUNCREF + "IIF: \"else returns the user’s alias as is.\""),
                row(
                        "Program flow",
                        "IIF(IsPresent([accountName]),[accountName],Error(\"AccountName is required\"))",
                        object("accountName", "jdoe"),
                        str("jdoe"),
                        FUNCREF + "Error: \"If the attribute accountName is not present, throw an error on the"
                                + " object.\" (present: no error)"),
                row(
                        "Program flow",
                        "Switch([city] = \"London\", \"English\", [city] = \"Rome\", \"Italian\", [city] = \"Paris\","
                                + " \"French\", True, Error(\"Unknown city\"))",
                        object("city", "Rome"),
                        str("Italian"),
                        FUNCREF + "Switch: \"Returns the language spoken in some major cities\""),
                row(
                        "Program flow",
                        "Select($item,[otherPhone],Replace($item,\"-\",\"\"))",
                        object("otherPhone", List.of("425-555-0100", "425-555-0199")),
                        multi("4255550100", "4255550199"),
                        FUNCREF
                                + "Select: \"Return all the values in the multi-valued attribute otherPhone after hyphens"
                                + " (-) have been removed.\""),
                row(
                        "Program flow",
                        "Where($item,[userCertificate],CertNotAfter($item)>Now())",
                        object("userCertificate", certificates()),
                        Value.multi(List.of(certificate("valid.cer"))),
                        FUNCREF + "Where: \"Return the certificate values in the multi-valued attribute userCertificate"
                                + " which aren’t expired.\""),
                row(
                        "Program flow",
                        "With($unExpiredCerts,Where($item,[userCertificate],CertNotAfter($item)>Now()),"
                                + "IIF(Count($unExpiredCerts)>0,$unExpiredCerts,NULL))",
                        object("userCertificate", certificates()),
                        Value.multi(List.of(certificate("valid.cer"))),
                        FUNCREF + "With: \"Which returns only unexpired certificate values in the userCertificate"
                                + " attribute.\""),
                row(
                        "Program flow",
                        "IIF (Count(Where($item,[userCertificate],CertNotAfter($item)>Now()))>0,"
                                + " Where($item,[userCertificate],CertNotAfter($item)>Now()),NULL)",
                        object("userCertificate", certificates()),
                        Value.multi(List.of(certificate("valid.cer"))),
                        FUNCREF
                                + "With: \"Is functionally equivalent to: IIF (Count(Where(...))>0, Where(...),NULL)\""),
                // Text
                row("Text", "InStr(\"The quick brown fox\",\"quick\")", num(5), FUNCREF + "InStr: \"Evaluates to 5\""),
                row(
                        "Text",
                        "InStr(\"repEated\",\"e\",3,vbBinaryCompare)",
                        num(7),
                        FUNCREF + "InStr: \"Evaluates to 7\""),
                row("Text", "InStrRev(\"abbcdbbbef\",\"bb\")", num(7), FUNCREF + "InStrRev: \"Returns 7\""),
                row("Text", "LCase(\"TeSt\")", str("test"), FUNCREF + "LCase: \"Returns \"test\".\""),
                row("Text", "UCase(\"TeSt\")", str("TEST"), FUNCREF + "UCase: \"Returns \"TEST\".\""),
                row("Text", "Left(\"John Doe\", 3)", str("Joh"), FUNCREF + "Left: \"Returns \"Joh\".\""),
                row("Text", "Left(\"x\", 0)", str(""), FUNCREF + "Left: \"If numChars = 0, return empty string.\""),
                row("Text", "Left(\"x\", -1)", str("x"), FUNCREF + "Left: \"If numChars < 0, return input string.\""),
                row("Text", "Left(NULL, 3)", str(""), FUNCREF + "Left: \"If string is null, return empty string.\""),
                row(
                        "Text",
                        "Left(\"John\", 10)",
                        str("John"),
                        FUNCREF + "Left: \"If string contains fewer characters than the number specified in numChars,"
                                + " a string identical to string ... is returned.\""),
                row("Text", "Right(\"John Doe\", 3)", str("Doe"), FUNCREF + "Right: \"Returns \"Doe\".\""),
                row("Text", "Len(\"John Doe\")", num(8), FUNCREF + "Len: \"Returns 8\""),
                row("Text", "LTrim(\" Test \")", str("Test "), FUNCREF + "LTrim: \"Returns \"Test \"\""),
                row("Text", "RTrim(\" Test \")", str(" Test"), FUNCREF + "RTrim: \"Returns \" Test\".\""),
                row("Text", "Trim(\" Test \")", str("Test"), FUNCREF + "Trim: \"Returns \"Test\".\""),
                row("Text", "Mid(\"John Doe\", 3, 5)", str("hn Do"), FUNCREF + "Mid: \"Returns \"hn Do\".\""),
                row("Text", "Mid(\"John Doe\", 6, 999)", str("Doe"), FUNCREF + "Mid: \"Returns \"Doe\"\""),
                row(
                        "Text",
                        "Mid(\"abc\", 5, 1)",
                        str("abc"),
                        FUNCREF + "Mid: \"If start > the length of string, return" + " input string.\""),
                row("Text", "Mid(\"abc\", 0, 1)", str("abc"), FUNCREF + "Mid: \"If start <= 0, return input string.\""),
                row("Text", "Mid(\"abc\", 2, 0)", str(""), FUNCREF + "Mid: \"If numChars = 0, return empty string.\""),
                row(
                        "Text",
                        "PadLeft(\"User\", 10, \"0\")",
                        str("000000User"),
                        FUNCREF + "PadLeft: \"Returns" + " \"000000User\".\""),
                row(
                        "Text",
                        "PadRight(\"User\", 10, \"0\")",
                        str("User000000"),
                        FUNCREF + "PadRight: \"Returns" + " \"User000000\".\""),
                row(
                        "Text",
                        "PadLeft(\"UserName\", 4, \"0\")",
                        str("UserName"),
                        FUNCREF + "PadLeft: \"If the length of"
                                + " string is equal to or greater than length, string is returned unchanged.\""),
                row("Text", "PCase(\"TEsT\")", str("Test"), FUNCREF + "PCase: \"Returns \"Test\".\""),
                row("Text", "PCase(LCase(\"TEST\"))", str("Test"), FUNCREF + "PCase: \"Returns \"Test\"\""),
                row(
                        "Text",
                        "Replace([address],\"\\r\\n\",\", \")",
                        object("address", "One Microsoft Way\r\nRedmond, WA\r\nUSA"),
                        str("One Microsoft Way, Redmond, WA, USA"),
                        FUNCREF + "Replace: \"Replaces CRLF with a comma and space, and could lead to \"One Microsoft"
                                + " Way, Redmond, WA, USA\"\""),
                row(
                        "Text",
                        "ReplaceChars(\"Räksmörgås\",%ReplaceString%)",
                        replaceString("’:,Å:A,Ä:A,Ö:O,å:a,ä:a,ö:o"),
                        str("Raksmorgas"),
                        FUNCREF + "ReplaceChars: \"Returns Raksmorgas\" (pattern with ö:o, " + NOTES + "§1.9)"),
                row(
                        "Text",
                        "ReplaceChars(\"O’Neil\",%ReplaceString%)",
                        replaceString("’:,Å:A,Ä:A,Ö:O,å:a,ä:a,ö:o"),
                        str("ONeil"),
                        FUNCREF + "ReplaceChars: \"Returns \"ONeil\", the single tick is defined to be removed.\""),
                row(
                        "Text",
                        "ReplaceChars(\"Straße\",\"ß:ss, ö:oe\")",
                        str("Strasse"),
                        FUNCREF + "ReplaceChars: \"The target can have multiple characters, for example ö:oe, β:ss.\";"
                                + " \"Spaces and other white characters in the ReplacePattern string are ignored.\""),
                row(
                        "Text",
                        "Word(\"The quick brown fox\",3,\" \")",
                        str("brown"),
                        FUNCREF + "Word: \"Returns" + " \"brown\"\""),
                row(
                        "Text",
                        "Word(\"This,string!has&many separators\",3,\",!&#\")",
                        str("has"),
                        FUNCREF + "Word: \"Would" + " return \"has\"\""),
                row(
                        "Text",
                        "Word(\"a b\", 0, \" \")",
                        str(""),
                        FUNCREF + "Word: \"If number < 1, returns empty" + " string.\""),
                row(
                        "Text",
                        "Word(\"a b\", 3, \" \")",
                        str(""),
                        FUNCREF + "Word: \"If string contains less than number"
                                + " words ... an empty string is returned.\""),
                row(
                        "Text",
                        "IsGuid(Guid())",
                        Value.TRUE,
                        FUNCREF + "Guid: \"The function Guid generates a new random" + " GUID\""));
    }

    static MapEvaluationContext replaceString(String pattern) {
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        GeneratedObjects.PARAMETERS.forEach(b::parameter);
        return b.parameter("ReplaceString", pattern).build();
    }

    static Value certificates() {
        return Value.multi(List.of(certificate("expired.cer"), certificate("valid.cer")));
    }

    /** A DER certificate from the test resources: expired.cer (valid 2000–2001) or valid.cer (2020–2119). */
    static Value certificate(String name) {
        try (InputStream in = DocumentedExamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return Value.ofBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
