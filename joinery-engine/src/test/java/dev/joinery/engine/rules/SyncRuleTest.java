package dev.joinery.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.expr.ExpressionSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRuleTest {

    @Test
    void invalidRuleFailsWithAMessageNamingTheRule() {
        assertThatThrownBy(() -> SyncRule.builder("In from AD - User Join")
                        .direction(Direction.INBOUND)
                        .sourceObjectType("user")
                        .targetObjectType("person")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sync rule 'In from AD - User Join': connector must not be blank");
    }

    @Test
    void expressionsCompileWhenTheFlowIsBuilt() {
        Transformation t = Transformation.expression("upn", "[sAMAccountName] & \"@\" & %Domain.FQDN%");

        assertThat(t.expression().source()).isEqualTo(t.expressionText());
        assertThatThrownBy(() -> Transformation.expression("upn", "IIF([a],"))
                .isInstanceOf(ExpressionSyntaxException.class);
    }

    @Test
    void flowsMustFitTheirType() {
        assertThatThrownBy(() -> new Transformation(
                        "cn", FlowType.DIRECT, List.of("a", "b"), null, null, null, MergeType.UPDATE, false))
                .hasMessageContaining("flow to 'cn': a direct flow has exactly one source");
        assertThatThrownBy(() -> new Transformation(
                        "cn", FlowType.CONSTANT, List.of(), null, null, null, MergeType.UPDATE, false))
                .hasMessageContaining("a constant flow needs a value");
    }

    @Test
    void flowsWithTheSameTextAreEqualThoughCompiledSeparately() {
        assertThat(Transformation.expression("x", "Trim([a])", "a"))
                .isEqualTo(Transformation.expression("x", "Trim([a])", "a"))
                .hasSameHashCodeAs(Transformation.expression("x", "Trim([a])", "a"));
    }

    @Test
    void toBuilderCopiesEveryField() {
        SyncRule rule = SampleRules.everyFeature();

        assertThat(rule.toBuilder().build()).isEqualTo(rule);
    }

    @Test
    void documentedBitTestSpellingReadsAsTheObservedOne() {
        assertThat(ScopeOperator.parse("ISNOTBITSET")).contains(ScopeOperator.ISBITNOTSET);
        assertThat(ScopeOperator.parse("isbitnotset")).contains(ScopeOperator.ISBITNOTSET);
        assertThat(ScopeOperator.ISBITNOTSET.displayName()).isEqualTo("ISBITNOTSET");
    }
}
