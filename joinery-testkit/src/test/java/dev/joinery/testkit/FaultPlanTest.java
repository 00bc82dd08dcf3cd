package dev.joinery.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.ConnectorError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultPlanTest {
    private final FaultPlan plan = new FaultPlan();

    @Test
    void aHealthyOperationIsCountedAndNotStruck() {
        assertThat(plan.strike(Operation.SCHEMA)).isNull();
        assertThat(plan.strike(Operation.SCHEMA)).isNull();

        assertThat(plan.calls(Operation.SCHEMA)).isEqualTo(2);
        assertThat(plan.calls(Operation.OPEN)).isZero();
        assertThat(plan.mode(Operation.SCHEMA)).isEqualTo(BreakMode.NONE);
    }

    @Test
    void aPermanentFaultStrikesEveryCallUntilCleared() {
        plan.set(Operation.OPEN, Fault.always(BreakMode.NETWORK));

        List<Fault> struck = strikes(Operation.OPEN, 3);
        plan.clear(Operation.OPEN);

        assertThat(struck).containsOnly(Fault.always(BreakMode.NETWORK)).hasSize(3);
        assertThat(plan.strike(Operation.OPEN)).isNull();
        assertThat(plan.calls(Operation.OPEN)).isEqualTo(4);
    }

    @Test
    void aOneShotFaultStrikesTheNextCallsThenHeals() {
        plan.set(Operation.EXPORT_ADD, Fault.next(2, BreakMode.THROTTLED));

        List<Fault> struck = strikes(Operation.EXPORT_ADD, 4);

        assertThat(struck)
                .extracting(f -> f == null ? BreakMode.NONE : f.mode())
                .containsExactly(BreakMode.THROTTLED, BreakMode.THROTTLED, BreakMode.NONE, BreakMode.NONE);
        assertThat(plan.mode(Operation.EXPORT_ADD)).isEqualTo(BreakMode.NONE);
    }

    @ParameterizedTest
    @CsvSource({"1, 1 2 3 4 5 6", "2, 2 4 6", "3, 3 6"})
    void everyKthFaultStrikesOnlyThoseCallsCountedFromWhenItWasArmed(int k, String expectedCalls) {
        plan.strike(Operation.EXPORT_MODIFY); // before arming: not counted towards k
        plan.set(Operation.EXPORT_MODIFY, Fault.everyKth(k, BreakMode.CONFLICT));

        List<Fault> struck = strikes(Operation.EXPORT_MODIFY, 6);

        List<String> failedCalls = IntStream.range(0, 6)
                .filter(i -> struck.get(i) != null)
                .mapToObj(i -> String.valueOf(i + 1))
                .toList();
        assertThat(failedCalls).containsExactly(expectedCalls.split(" "));
    }

    @Test
    void aLimitedEveryKthFaultHealsAfterItsStrikes() {
        plan.set(
                Operation.EXPORT_DELETE,
                Fault.everyKth(2, BreakMode.PERMISSION_DENIED).times(1));

        List<Fault> struck = strikes(Operation.EXPORT_DELETE, 6);

        assertThat(struck.stream().filter(f -> f != null)).hasSize(1);
        assertThat(struck.get(1)).isNotNull();
    }

    @Test
    void afterObjectsIsRefusedForOperationsThatSendNoObjects() {
        assertThatThrownBy(() -> plan.set(Operation.EXPORT_ADD, Fault.afterObjects(3, BreakMode.NETWORK)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("afterObjects applies to imports, not to EXPORT_ADD");
    }

    @Test
    void aFaultNeverBreaksWithNone() {
        assertThatThrownBy(() -> Fault.always(BreakMode.NONE)).hasMessageContaining("clear the operation");
        assertThatThrownBy(() -> BreakMode.NONE.error(Operation.OPEN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clearAllHealsEverythingAndKeepsTheCounts() {
        plan.set(Operation.OPEN, Fault.always(BreakMode.TIMEOUT));
        plan.set(Operation.SCHEMA, Fault.always(BreakMode.TIMEOUT));
        plan.strike(Operation.OPEN);

        plan.clearAll();

        assertThat(plan.strike(Operation.OPEN)).isNull();
        assertThat(plan.strike(Operation.SCHEMA)).isNull();
        assertThat(plan.calls(Operation.OPEN)).isEqualTo(2);
        plan.resetCalls();
        assertThat(plan.calls(Operation.OPEN)).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "NETWORK, NETWORK, true",
        "TIMEOUT, TIMEOUT, true",
        "THROTTLED, THROTTLED, true",
        "CONFLICT, CONFLICT, false",
        "PERMISSION_DENIED, PERMISSION_DENIED, false"
    })
    void eachModeReportsItsCodeWithTheCodesClassification(BreakMode mode, ConnectorError.Code code, boolean retriable) {
        ConnectorError error = mode.error(Operation.FULL_IMPORT);

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.retriable()).isEqualTo(retriable);
        assertThat(error.message()).contains("FULL_IMPORT");
    }

    private List<Fault> strikes(Operation operation, int calls) {
        List<Fault> struck = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            struck.add(plan.strike(operation));
        }
        return struck;
    }
}
