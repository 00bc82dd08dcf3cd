package dev.joinery.bench;

import dev.joinery.expr.EvaluationContext;
import dev.joinery.expr.Expression;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of two real inbound flows of Microsoft's AD user rules on a typical mailbox user, and
 * compilations per second of the longer one: the cost the engine pays per object and per rule load.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ExpressionBenchmark {

    /** The {@code cloudFiltered} flow of "In from AD - User Join". */
    static final String CLOUD_FILTERED =
            "IIF(IsPresent([isCriticalSystemObject]) || IsPresent([sAMAccountName]) = False"
                    + " || [sAMAccountName] = \"SUPPORT_388945a0\" || Left([mailNickname], 14) = \"SystemMailbox{\""
                    + " || Left([sAMAccountName], 4) = \"AAD_\""
                    + " || (Left([mailNickname], 4) = \"CAS_\" && (InStr([mailNickname], \"}\") > 0))"
                    + " || (Left([sAMAccountName], 4) = \"CAS_\" && (InStr([sAMAccountName], \"}\") > 0))"
                    + " || Left([sAMAccountName], 5) = \"MSOL_\""
                    + " || CBool(IIF(IsPresent([msExchRecipientTypeDetails]),BitAnd([msExchRecipientTypeDetails],&H21C07000) > 0,NULL))"
                    + " || CBool(InStr(DNComponent(CRef([dn]),1),\"\\\\0ACNF:\")>0), True, NULL)";

    /** The {@code pwdLastSet} flow, a FILETIME turned into generalized-time text. */
    static final String PWD_LAST_SET =
            "IIF(IsPresent([pwdLastSet]),CStr(FormatDateTime(DateFromNum([pwdLastSet]),\"yyyyMMddHHmmss.0Z\")),NULL)";

    private Expression cloudFiltered;
    private Expression pwdLastSet;
    private EvaluationContext user;

    @Setup
    public void setUp() {
        cloudFiltered = Expression.compile(CLOUD_FILTERED);
        pwdLastSet = Expression.compile(PWD_LAST_SET);
        user = adUser();
        Value filtered = cloudFiltered.evaluate(user);
        if (filtered != Value.NULL) {
            throw new IllegalStateException("an ordinary user must not be cloud-filtered, got " + filtered);
        }
        Value pwd = pwdLastSet.evaluate(user);
        if (!(pwd instanceof Value.Str)) {
            throw new IllegalStateException("pwdLastSet must give text, got " + pwd);
        }
    }

    /** A mailbox user as the AD connector imports it. */
    static EvaluationContext adUser() {
        HexFormat hex = HexFormat.of();
        return MapEvaluationContext.builder()
                .attribute("dn", "CN=John Doe,OU=Sales,OU=Users,DC=contoso,DC=com")
                .attribute(
                        "objectClass",
                        Value.multi(List.of(
                                Value.of("top"),
                                Value.of("person"),
                                Value.of("organizationalPerson"),
                                Value.of("user"))))
                .attribute("objectGUID", Value.ofBytes(hex.parseHex("3f2504e04f8911d39a0c0305e82c3301")))
                .attribute(
                        "objectSid",
                        Value.ofBytes(hex.parseHex("010500000000000515000000a065cf7e784b9b5fe77c8770091c0100")))
                .attribute("sAMAccountName", "jdoe")
                .attribute("userPrincipalName", "john.doe@contoso.com")
                .attribute("mailNickname", "john.doe")
                .attribute("mail", "john.doe@contoso.com")
                .attribute("displayName", "John Doe")
                .attribute("givenName", "John")
                .attribute("sn", "Doe")
                .attribute("cn", "John Doe")
                .attribute("title", "Account Manager")
                .attribute("department", "Sales")
                .attribute("company", "Contoso Ltd.")
                .attribute("telephoneNumber", "+1 425 555 0100")
                .attribute("physicalDeliveryOfficeName", "Redmond")
                .attribute("manager", Value.ref("CN=Jane Roe,OU=Sales,OU=Users,DC=contoso,DC=com"))
                .attribute(
                        "proxyAddresses",
                        Value.multi(
                                List.of(
                                        Value.of("SMTP:john.doe@contoso.com"),
                                        Value.of("smtp:jdoe@contoso.com"),
                                        Value.of("smtp:john.doe@contoso.mail.onmicrosoft.com"),
                                        Value.of(
                                                "X500:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jdoe"))))
                .attribute("userAccountControl", 512)
                .attribute("pwdLastSet", 133_485_408_000_000_000L)
                .attribute("accountExpires", 9_223_372_036_854_775_807L)
                .attribute("msExchRecipientTypeDetails", 1)
                .attribute("msExchMailboxGuid", Value.ofBytes(hex.parseHex("9a8b7c6d5e4f30211203f4e5d6c7b8a9")))
                .attribute("whenCreated", Value.of(Instant.parse("2019-03-14T09:26:53Z")))
                .attribute("employeeID", "100234")
                .parameter("Domain.FQDN", "contoso.com")
                .parameter("Domain.Netbios", "CONTOSO")
                .build();
    }

    @Benchmark
    public Value cloudFilteredFlow() {
        return cloudFiltered.evaluate(user);
    }

    @Benchmark
    public Value pwdLastSetFlow() {
        return pwdLastSet.evaluate(user);
    }

    /** Runs the whole lexer, parser and compiler, whose code the JIT takes longer to settle than one flow's. */
    @Benchmark
    @Warmup(iterations = 6, time = 2)
    public Expression compileCloudFiltered() {
        return Expression.compile(CLOUD_FILTERED);
    }
}
