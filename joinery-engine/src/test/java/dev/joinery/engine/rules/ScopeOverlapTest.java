package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScopeOverlapTest {

    static ScopeClause c(String attribute, ScopeOperator op, String value) {
        return new ScopeClause(attribute, op, value);
    }

    static Stream<Arguments> pairs() {
        ScopeClause user = c("sourceObjectType", ScopeOperator.EQUAL, "User");
        ScopeClause contact = c("sourceObjectType", ScopeOperator.EQUAL, "Contact");
        ScopeClause notUser = c("sourceObjectType", ScopeOperator.NOTEQUAL, "User");
        ScopeClause upperUser = c("sourceObjectType", ScopeOperator.EQUAL, "USER");
        ScopeClause mastered = c("cloudMastered", ScopeOperator.EQUAL, "False");
        ScopeClause notMastered = c("cloudMastered", ScopeOperator.NOTEQUAL, "True");
        ScopeClause hasMail = ScopeClause.of("mail", ScopeOperator.ISNOTNULL);
        ScopeClause noMail = ScopeClause.of("mail", ScopeOperator.ISNULL);
        ScopeClause enabled = c("userAccountControl", ScopeOperator.ISBITNOTSET, "2");
        ScopeClause disabled = c("userAccountControl", ScopeOperator.ISBITSET, "2");
        ScopeClause param = c("contributingConnectorExchange", ScopeOperator.EQUAL, "%Connector.ID%");
        ScopeClause literal = c("contributingConnectorExchange", ScopeOperator.EQUAL, "{ae4db4cc}");
        return Stream.of(
                Arguments.of(ScopeFilter.allOf(user), ScopeFilter.allOf(contact), false),
                Arguments.of(ScopeFilter.allOf(user), ScopeFilter.allOf(notUser), false),
                Arguments.of(ScopeFilter.allOf(hasMail), ScopeFilter.allOf(noMail), false),
                Arguments.of(ScopeFilter.allOf(enabled), ScopeFilter.allOf(disabled), false),
                Arguments.of(ScopeFilter.allOf(user, hasMail), ScopeFilter.allOf(mastered, contact), false),
                Arguments.of(
                        new ScopeFilter(List.of(List.of(user), List.of(contact))), ScopeFilter.allOf(notUser), true),
                Arguments.of(ScopeFilter.allOf(user), ScopeFilter.allOf(upperUser), true),
                Arguments.of(ScopeFilter.allOf(mastered), ScopeFilter.allOf(notMastered), true),
                Arguments.of(ScopeFilter.allOf(user), ScopeFilter.ALL, true),
                Arguments.of(ScopeFilter.ALL, ScopeFilter.ALL, true),
                Arguments.of(ScopeFilter.allOf(param), ScopeFilter.allOf(literal), true),
                Arguments.of(
                        ScopeFilter.allOf(c("n", ScopeOperator.EQUAL, "2")),
                        ScopeFilter.allOf(c("n", ScopeOperator.EQUAL, "02")),
                        true),
                Arguments.of(ScopeFilter.allOf(user), ScopeFilter.allOf(hasMail), true));
    }

    /**
     * "A logical AND is used between all clauses in a group ... A logical OR is used between groups": filters are
     * disjoint only if every pair of groups holds two contradicting clauses.
     */
    @ParameterizedTest(name = "{0} vs {1}: overlap {2}")
    @MethodSource("pairs")
    void overlapIsAssumedUnlessProvablyDisjoint(ScopeFilter a, ScopeFilter b, boolean overlap) {
        assertThat(ScopeOverlap.mayOverlap(a, b)).isEqualTo(overlap);
        assertThat(ScopeOverlap.mayOverlap(b, a)).isEqualTo(overlap);
    }
}
