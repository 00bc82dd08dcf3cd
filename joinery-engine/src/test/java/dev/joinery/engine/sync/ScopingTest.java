package dev.joinery.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.expr.Value;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scoping operator, on present, absent and multi-valued attributes (notes §2.4). */
class ScopingTest {
    private static final Map<String, List<AttributeValue>> OBJECT = Map.of(
            "department", List.of(AttributeValue.text("IT")),
            "userAccountControl", List.of(AttributeValue.integer(514)),
            "memberCount", List.of(AttributeValue.integer(9000)),
            "cloudFiltered", List.of(AttributeValue.bool(true)),
            "proxyAddresses", List.of(AttributeValue.text("SMTP:a@x.com"), AttributeValue.text("smtp:b@y.com")),
            "adminDescription", List.of(AttributeValue.text("User_hidden")));

    static Stream<Arguments> clauses() {
        return Stream.of(
                Arguments.of("department", ScopeOperator.EQUAL, "it", true),
                Arguments.of("department", ScopeOperator.EQUAL, "HR", false),
                Arguments.of("department", ScopeOperator.NOTEQUAL, "HR", true),
                Arguments.of("absent", ScopeOperator.EQUAL, "x", false),
                Arguments.of("absent", ScopeOperator.NOTEQUAL, "True", true),
                Arguments.of("cloudFiltered", ScopeOperator.NOTEQUAL, "TRUE", false),
                Arguments.of("cloudFiltered", ScopeOperator.EQUAL, "true", true),
                Arguments.of("memberCount", ScopeOperator.LESSTHAN, "50000", true),
                Arguments.of("memberCount", ScopeOperator.GREATERTHAN, "10000", false),
                Arguments.of("memberCount", ScopeOperator.LESSTHAN_OR_EQUAL, "9000", true),
                Arguments.of("memberCount", ScopeOperator.GREATERTHAN_OR_EQUAL, "9001", false),
                Arguments.of("department", ScopeOperator.CONTAINS, "t", true),
                Arguments.of("department", ScopeOperator.NOTCONTAINS, "t", false),
                Arguments.of("adminDescription", ScopeOperator.STARTSWITH, "User_", true),
                Arguments.of("adminDescription", ScopeOperator.NOTSTARTSWITH, "User_", false),
                Arguments.of("absent", ScopeOperator.NOTSTARTSWITH, "User_", true),
                Arguments.of("adminDescription", ScopeOperator.ENDSWITH, "HIDDEN", true),
                Arguments.of("adminDescription", ScopeOperator.NOTENDSWITH, "x", true),
                Arguments.of("absent", ScopeOperator.ISNULL, "", true),
                Arguments.of("department", ScopeOperator.ISNULL, "", false),
                Arguments.of("department", ScopeOperator.ISNOTNULL, "", true),
                Arguments.of("proxyAddresses", ScopeOperator.ISIN, "smtp:b@y.com", true),
                Arguments.of("proxyAddresses", ScopeOperator.ISNOTIN, "smtp:b@y.com", false),
                Arguments.of("proxyAddresses", ScopeOperator.ISNOTIN, "smtp:c@z.com", true),
                Arguments.of("userAccountControl", ScopeOperator.ISBITSET, "2", true),
                Arguments.of("userAccountControl", ScopeOperator.ISBITNOTSET, "2", false),
                Arguments.of("userAccountControl", ScopeOperator.ISBITSET, "&H200", true),
                Arguments.of("absent", ScopeOperator.ISBITNOTSET, "2", true),
                Arguments.of("department", ScopeOperator.EQUAL, "%Dept%", true),
                Arguments.of("x", ScopeOperator.ISMEMBEROF, "CN=Pilot", true),
                Arguments.of("x", ScopeOperator.ISNOTMEMBEROF, "CN=Pilot", false),
                Arguments.of("x", ScopeOperator.ISMEMBEROF, "CN=Other", false));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("clauses")
    void aClauseIsEvaluatedByItsOperator(String attribute, ScopeOperator op, String value, boolean expected) {
        Scoping.Result r = Scoping.evaluate(
                ScopeFilter.allOf(new ScopeClause(attribute, op, value)),
                OBJECT,
                "CN=Me",
                Map.of("Dept", Value.of("IT")),
                dn -> dn.equals("CN=Pilot"));
        assertThat(r.inScope()).as(r.reason()).isEqualTo(expected);
    }

    /** "(department = IT AND country = Denmark) OR (country=Sweden)". */
    @Test
    void groupsAreOredAndClausesAnded() {
        ScopeFilter filter = new ScopeFilter(List.of(
                List.of(
                        new ScopeClause("department", ScopeOperator.EQUAL, "IT"),
                        new ScopeClause("country", ScopeOperator.EQUAL, "Denmark")),
                List.of(new ScopeClause("country", ScopeOperator.EQUAL, "Sweden"))));
        Map<String, List<AttributeValue>> dane = Map.of(
                "department", List.of(AttributeValue.text("IT")), "country", List.of(AttributeValue.text("Denmark")));
        Map<String, List<AttributeValue>> swede = Map.of("country", List.of(AttributeValue.text("Sweden")));
        Map<String, List<AttributeValue>> itNorway = Map.of(
                "department", List.of(AttributeValue.text("IT")), "country", List.of(AttributeValue.text("Norway")));

        assertThat(Scoping.evaluate(filter, dane, null, Map.of(), g -> false).inScope())
                .isTrue();
        assertThat(Scoping.evaluate(filter, swede, null, Map.of(), g -> false).inScope())
                .isTrue();
        Scoping.Result no = Scoping.evaluate(filter, itNorway, null, Map.of(), g -> false);
        assertThat(no.inScope()).isFalse();
        assertThat(no.reason()).contains("group 1", "country EQUAL Denmark: no", "group 2");
    }

    /** "An empty filter indicates that the rule is to be applied to all objects". */
    @Test
    void anEmptyFilterPutsEveryObjectInScope() {
        assertThat(Scoping.evaluate(ScopeFilter.ALL, Map.of(), null, Map.of(), g -> false)
                        .inScope())
                .isTrue();
    }
}
