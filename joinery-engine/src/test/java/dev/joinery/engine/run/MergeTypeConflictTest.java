package dev.joinery.engine.run;

import static dev.joinery.engine.run.World.AD;
import static dev.joinery.engine.run.World.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.engine.model.ErrorCode;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.rules.MergeType;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "When you use this option, all sync rules in scope for an object must use the same merge type. You can't define
 * Update from one Connector and Merge from another. If you try, you receive an error."
 */
class MergeTypeConflictTest {

    private static List<SyncRule> rules(MergeType merge) {
        List<SyncRule> rules = new ArrayList<>(Rules.singleForest());
        rules.add(Rules.inbound("In from AD - User proxy merge", AD, "user", "person", 50)
                .transformation(Transformation.expression("proxyAddresses", "\"smtp:\" & [mail]")
                        .withMergeType(merge))
                .build());
        return rules;
    }

    private static World alice(MergeType merge) {
        World w = World.with(rules(merge));
        user(
                w.ad,
                "Alice",
                "cn",
                "Alice",
                "employeeID",
                "E1",
                "objectSid",
                "S-1",
                "sAMAccountName",
                "alice",
                "mail",
                "alice@contoso.com",
                "proxyAddresses",
                List.of("SMTP:alice@contoso.com"),
                "userAccountControl",
                512L);
        return w;
    }

    @Test
    void rulesMixingUpdateAndMergeOnOneAttributeAreAnErrorAndTheObjectIsNotSynchronized() {
        World w = alice(MergeType.MERGE);

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(w.errorsOf(AD)).extracting(ObjectError::code).contains(ErrorCode.MERGE_TYPE_CONFLICT);
        assertThat(w.errorsOf(AD))
                .filteredOn(e -> e.code() == ErrorCode.MERGE_TYPE_CONFLICT)
                .allSatisfy(e -> {
                    assertThat(e.attribute()).isEqualTo("proxyAddresses");
                    assertThat(e.dn())
                            .as("the error names the connector-space object")
                            .isNotNull();
                });
        assertThat(w.pendingImports(AD))
                .as("retried by the next synchronization")
                .hasSize(1);
        assertThat(w.cloud.size()).isZero();
    }

    @Test
    void rulesAgreeingOnTheMergeTypeSynchronize() {
        World w = alice(MergeType.UPDATE);

        w.engine.cycle(SyncEngine.Cycle.INITIAL);

        assertThat(w.errorsOf(AD)).isEmpty();
        assertThat(w.cloud.size()).isEqualTo(1);
    }
}
