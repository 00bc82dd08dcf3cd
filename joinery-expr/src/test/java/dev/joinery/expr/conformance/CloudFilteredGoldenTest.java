package dev.joinery.expr.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden results of shipped flows, each read from the exported rules rather than copied.
 *
 * <p>The {@code cloudFiltered} flow of "In from AD - User Join" (precedence 100, Provision), verbatim:
 *
 * <pre>{@code
 * IIF(IsPresent([isCriticalSystemObject]) || IsPresent([sAMAccountName]) = False
 *     || [sAMAccountName] = "SUPPORT_388945a0" || Left([mailNickname], 14) = "SystemMailbox{"
 *     || Left([sAMAccountName], 4) = "AAD_"
 *     || (Left([mailNickname], 4) = "CAS_" && (InStr([mailNickname], "}") > 0))
 *     || (Left([sAMAccountName], 4) = "CAS_" && (InStr([sAMAccountName], "}") > 0))
 *     || Left([sAMAccountName], 5) = "MSOL_"
 *     || CBool(IIF(IsPresent([msExchRecipientTypeDetails]),BitAnd([msExchRecipientTypeDetails],&H21C07000) > 0,NULL))
 *     || CBool(InStr(DNComponent(CRef([dn]),1),"\\0ACNF:")>0), True, NULL)
 * }</pre>
 *
 * <p>The notes: "cloudFiltered convention: this attribute is only supposed to have the values True or NULL
 * (absent)... It shouldn't be set to False, by design" (§1.4); "the shipped expression
 * InStr(DNComponent(CRef([dn]),1),"\\0ACNF:") is meant to find the AD replication-conflict marker \0ACNF: in an
 * RDN, so \\ inside a string literal denotes one backslash" (§1.1); "CBool(NULL) = False" (§1.4).
 */
class CloudFilteredGoldenTest {

    private static Expression flow(String rule, String destination) {
        return Expression.compile(
                RealRulesCorpus.load().expression(rule, destination).expression());
    }

    private static Expression cloudFiltered() {
        return flow("In from AD - User Join", "cloudFiltered");
    }

    /** An ordinary mailbox user, with some attributes replaced ({@code null} removes one). */
    private static MapEvaluationContext user(Object... overrides) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        attributes.put("sAMAccountName", Value.of("jdoe"));
        attributes.put("mailNickname", Value.of("jdoe"));
        attributes.put("userPrincipalName", Value.of("jdoe@contoso.com"));
        attributes.put("dn", Value.of("CN=John Doe,OU=Users,DC=contoso,DC=com"));
        attributes.put("msExchRecipientTypeDetails", Value.of(1));
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            Object value = overrides[i + 1];
            if (value == null) {
                attributes.remove(name);
            } else if (value instanceof Value v) {
                attributes.put(name, v);
            } else if (value instanceof Long n) {
                attributes.put(name, Value.of(n));
            } else {
                attributes.put(name, Value.of((String) value));
            }
        }
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        GeneratedObjects.PARAMETERS.forEach(b::parameter);
        attributes.forEach(b::attribute);
        return b.build();
    }

    static Stream<Arguments> filteredObjects() {
        return Stream.of(
                Arguments.of("the Microsoft support account", user("sAMAccountName", "SUPPORT_388945a0")),
                Arguments.of("a directory-sync service account MSOL_", user("sAMAccountName", "MSOL_x")),
                Arguments.of("an Entra Connect service account AAD_", user("sAMAccountName", "AAD_x")),
                Arguments.of(
                        "an Exchange system mailbox",
                        user("mailNickname", "SystemMailbox{1f05a927-3be2-4fb9-aa03-b59fe3b56f4c}")),
                Arguments.of("an Exchange CAS mailbox by mailNickname", user("mailNickname", "CAS_x}")),
                Arguments.of("an Exchange CAS mailbox by sAMAccountName", user("sAMAccountName", "CAS_{4f1c}")),
                Arguments.of(
                        "a replication conflict object",
                        user("dn", "CN=John\\0ACNF:4f1c2b3a-9d8e-4c7b-a6f5-0123456789ab,OU=Users,DC=contoso,DC=com")),
                Arguments.of(
                        "a replication conflict object whose dn is a reference",
                        user(
                                "dn",
                                Value.ref(
                                        "CN=John\\0ACNF:4f1c2b3a-9d8e-4c7b-a6f5-0123456789ab,OU=Users,DC=contoso,DC=com"))),
                Arguments.of("a critical system object", user("isCriticalSystemObject", Value.TRUE)),
                Arguments.of("an object without sAMAccountName", user("sAMAccountName", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filteredObjects")
    void cloudFilteredIsTrueFor(String what, MapEvaluationContext object) {
        // given
        Expression flow = cloudFiltered();

        // when
        Value result = flow.evaluate(object);

        // then
        assertThat(result).as(what).isEqualTo(Value.TRUE);
    }

    /** Each bit of the mask {@code &H21C07000} alone marks the recipient type as one that is not synchronised. */
    static LongStream maskBits() {
        return LongStream.range(0, 32).map(i -> 1L << i).filter(bit -> (0x21C07000L & bit) != 0);
    }

    @ParameterizedTest(name = "msExchRecipientTypeDetails = 0x{0}")
    @MethodSource("maskBits")
    void cloudFilteredIsTrueForEachRecipientTypeBitOfTheMask(long bit) {
        // given
        Expression flow = cloudFiltered();

        // when
        Value result = flow.evaluate(user("msExchRecipientTypeDetails", bit));

        // then
        assertThat(result).as("bit 0x%X", bit).isEqualTo(Value.TRUE);
    }

    @Test
    void maskHasSevenBits() {
        assertThat(maskBits().toArray())
                .containsExactly(0x1000L, 0x2000L, 0x4000L, 0x400000L, 0x800000L, 0x1000000L, 0x20000000L);
    }

    /** User mailbox 1, linked mailbox 2, remote user mailbox 0x80000000, none: no bit of the mask. */
    @ParameterizedTest(name = "msExchRecipientTypeDetails = {0}")
    @ValueSource(longs = {1L, 2L, 4L, 0x80000000L, 0L, 0x800L, 0x40000000L})
    void cloudFilteredIsNullForRecipientTypesOutsideTheMask(long recipientType) {
        // given
        Expression flow = cloudFiltered();

        // when
        Value result = flow.evaluate(user("msExchRecipientTypeDetails", recipientType));

        // then
        assertThat(result).isEqualTo(Value.NULL);
    }

    static Stream<Arguments> ordinaryObjects() {
        return Stream.of(
                Arguments.of("an ordinary mailbox user", user()),
                Arguments.of(
                        "an ordinary user without a mailbox",
                        user("mailNickname", null, "msExchRecipientTypeDetails", null)),
                Arguments.of("a user whose mailNickname starts CAS_ without }", user("mailNickname", "CAS_admin")),
                Arguments.of("a user whose sAMAccountName only contains MSOL_", user("sAMAccountName", "xMSOL_")),
                Arguments.of(
                        "a user named CNF without the conflict mark",
                        user("dn", "CN=CNF Smith,OU=Users,DC=contoso,DC=com")),
                Arguments.of(
                        "a user whose dn is a reference",
                        user("dn", Value.ref("CN=John Doe,OU=Users,DC=contoso,DC=com"))));
    }

    /** "It shouldn't be set to False, by design": an ordinary object gets NULL, never False. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinaryObjects")
    void cloudFilteredIsNullFor(String what, MapEvaluationContext object) {
        // given
        Expression flow = cloudFiltered();

        // when
        Value result = flow.evaluate(object);

        // then
        assertThat(result).as(what).isEqualTo(Value.NULL);
    }

    /**
     * Appendix B #6 ("Out to AAD - Group Join", sourceAnchor): the anchor flows while the cloud has none or the
     * same one; a changed anchor is an error on the object.
     */
    @Test
    void sourceAnchorFlowsWhileTheCloudAgreesAndFailsWhenItChanged() {
        // given
        Expression flow = flow("Out to AAD - Group Join", "sourceAnchor");
        String anchor = "x4V0iaeB60KXxjftcwd7Hw==";

        // when
        Value notYetInCloud = flow.evaluate(
                MapEvaluationContext.builder().attribute("sourceAnchor", anchor).build());
        Value same = flow.evaluate(MapEvaluationContext.builder()
                .attribute("sourceAnchor", anchor)
                .attribute("cloudSourceAnchor", anchor)
                .build());
        EvaluationException changed = catchThrowableOfType(
                EvaluationException.class,
                () -> flow.evaluate(MapEvaluationContext.builder()
                        .attribute("sourceAnchor", anchor)
                        .attribute("cloudSourceAnchor", "AAAAAAAAAAAAAAAAAAAAAA==")
                        .build()));

        // then
        assertThat(notYetInCloud).isEqualTo(Value.of(anchor));
        assertThat(same).isEqualTo(Value.of(anchor));
        assertThat(changed).isNotNull();
        assertThat(changed.code()).isEqualTo(EvaluationException.Code.ERROR_FUNCTION_TRIGGERED);
        assertThat(changed.getMessage()).contains("SourceAnchor attribute has changed.");
    }

    /**
     * Appendix B #8 ("In from AD - User Common", accountEnabled); §1.8: {@code IIF(BitAnd([userAccountControl],2)=0,
     * True,False)} "with uAC 512 / 514 → True / False (DEFCFG: 512 enabled, 514 disabled)".
     */
    @ParameterizedTest(name = "userAccountControl {0} -> {1}")
    @CsvSource({"512, true", "514, false", "66048, true", "66050, false", "546, false"})
    void accountEnabledFollowsTheDisabledBit(long userAccountControl, boolean enabled) {
        // given
        Expression flow = flow("In from AD - User Common", "accountEnabled");

        // when
        Value result = flow.evaluate(MapEvaluationContext.builder()
                .attribute("userAccountControl", userAccountControl)
                .build());

        // then
        assertThat(result).isEqualTo(Value.of(enabled));
    }

    /**
     * Appendix B #18 ("In from AD - User Common", pwdLastSet): "FormatDateTime(DateFromNum([pwdLastSet]),
     * "yyyyMMddHHmmss.0Z") Can result in "20140905081453.0Z"" (functions reference, FormatDateTime);
     * "DateFromNum(129699324000000000) Returns a DateTime representing 2012-01-01 23:00:00" (DateFromNum).
     */
    @ParameterizedTest(name = "pwdLastSet {0} -> {1}")
    @CsvSource({"130543784930000000, 20140905081453.0Z", "129699324000000000, 20120101230000.0Z"})
    void passwordLastSetIsFormattedAsAGeneralizedTime(long pwdLastSet, String expected) {
        // given
        Expression flow = flow("In from AD - User Common", "pwdLastSet");

        // when
        Value result = flow.evaluate(MapEvaluationContext.builder()
                .attribute("pwdLastSet", pwdLastSet)
                .build());

        // then
        assertThat(result).isEqualTo(Value.of(expected));
    }

    @Test
    void passwordLastSetIsNullWhenAbsent() {
        // given
        Expression flow = flow("In from AD - User Common", "pwdLastSet");

        // when
        Value result = flow.evaluate(MapEvaluationContext.empty());

        // then
        assertThat(result).isEqualTo(Value.NULL);
    }

    /**
     * Appendix B #21 ("In from AD - User Common", userPrincipalName); §1.8: "with no UPN, sAM "jdoe",
     * Domain.FQDN "contoso.com"" gives "jdoe@contoso.com".
     */
    @Test
    void userPrincipalNameFallsBackToTheAccountNameAtTheDomain() {
        // given
        Expression flow = flow("In from AD - User Common", "userPrincipalName");
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        GeneratedObjects.PARAMETERS.forEach(b::parameter);

        // when
        Value fallback = flow.evaluate(b.attribute("sAMAccountName", "jdoe").build());
        Value own = flow.evaluate(
                b.attribute("userPrincipalName", "john.doe@fabrikam.com").build());

        // then
        assertThat(fallback).isEqualTo(Value.of("jdoe@contoso.com"));
        assertThat(own).isEqualTo(Value.of("john.doe@fabrikam.com"));
    }

    @Test
    void userPrincipalNameFailsWithoutAnyAccountName() {
        // given
        Expression flow = flow("In from AD - User Common", "userPrincipalName");

        // when
        EvaluationException error = catchThrowableOfType(
                EvaluationException.class,
                () -> flow.evaluate(MapEvaluationContext.builder()
                        .parameter("Domain.FQDN", "contoso.com")
                        .build()));

        // then
        assertThat(error).isNotNull();
        assertThat(error.code()).isEqualTo(EvaluationException.Code.ERROR_FUNCTION_TRIGGERED);
        assertThat(error.getMessage()).contains("AccountName is not present");
    }

    static Stream<Arguments> mailEnabledCases() {
        return Stream.of(
                Arguments.of(
                        "a primary SMTP address with @",
                        List.of("smtp:jd@contoso.com", "SMTP:john.doe@contoso.com"),
                        null,
                        true),
                Arguments.of("only secondary smtp addresses", List.of("smtp:jd@contoso.com"), null, false),
                Arguments.of("a primary SMTP address without @", List.of("SMTP:john.doe"), null, false),
                Arguments.of("no proxy addresses but mail", List.of(), "john.doe@contoso.com", true),
                Arguments.of("mail without @", List.of(), "john.doe", false),
                Arguments.of("neither", List.of(), null, false));
    }

    /**
     * Appendix B #24 ("In from AD - Contact Join", mailEnabled): mail-enabled when a primary SMTP proxy address
     * holds an @, or mail does; {@code &&} evaluates its right side only when needed, so {@code Item(..., 0)} is
     * never reached ("&& and || evaluate their right side only when it decides the result", Operators).
     */
    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("mailEnabledCases")
    void mailEnabledNeedsAnAddressWithAnAtSign(
            String what, List<String> proxyAddresses, String mail, boolean expected) {
        // given
        Expression flow = flow("In from AD - Contact Join", "mailEnabled");
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        if (!proxyAddresses.isEmpty()) {
            b.multiValued(
                    "proxyAddresses", proxyAddresses.stream().map(Value::of).toList());
        }
        if (mail != null) {
            b.attribute("mail", mail);
        }

        // when
        Value result = flow.evaluate(b.build());

        // then
        assertThat(result).as(what).isEqualTo(Value.of(expected));
    }

    /**
     * Appendix B #22 ("In from AAD - User NGCKey", deviceKey) rebuilds a Windows Hello key blob: the header
     * ({@code 7 + CNum(Mid(key,5,2))} bytes), then the two-byte length of the key's thumbprint, the byte 2, the
     * thumbprint and the key itself. The notes: "Mid/Len on binary, & on binary ... string functions must also
     * accept byte arrays (1-based byte offsets); & concatenates byte arrays" (§1.7); docs/expression-language.md:
     * "CBin(value, bytes): the number as that many little-endian bytes"; "Thumbprint(bin): the SHA-256 hash of the
     * bytes, as binary (inferred from the NGC key rules)".
     */
    @Test
    void deviceKeyIsRebuiltFromTheHeaderTheThumbprintAndTheKey() throws Exception {
        // given
        Expression flow = flow("In from AAD - User NGCKey", "deviceKey");
        byte[] header = {0, 1, 2, 3, 4, 0, 7, 10, 11, 12, 13};
        byte[] key = GeneratedObjects.bytes(new SplittableRandom(22), 270);
        byte[] blob = concat(header, key);
        byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(key);

        // when
        Value single = flow.evaluate(MapEvaluationContext.builder()
                .attribute("searchableDeviceKey", Value.ofBytes(blob))
                .build());
        Value notVersionZero = flow.evaluate(MapEvaluationContext.builder()
                .attribute(
                        "searchableDeviceKey",
                        Value.ofBytes(concat(new byte[] {1}, Arrays.copyOfRange(blob, 1, blob.length))))
                .build());
        Value absent = flow.evaluate(MapEvaluationContext.empty());

        // then
        assertThat(single).isEqualTo(Value.ofBytes(concat(header, new byte[] {32, 0, 2}, thumbprint, key)));
        assertThat(notVersionZero).isEqualTo(Value.NULL);
        assertThat(absent).isEqualTo(Value.NULL);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
