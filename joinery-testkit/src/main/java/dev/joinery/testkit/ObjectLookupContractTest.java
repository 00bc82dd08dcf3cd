package dev.joinery.testkit;

import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ObjectLookup;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link ObjectLookup} capability, apart from {@link ConnectorContractTest} so that a
 * connector without it runs nothing here: every test is skipped by assumption. Extend it directly and return a
 * new {@link ConnectorFixture} from {@link #fixture()}; users are made through the fixture's backdoor with a
 * value in its {@link ConnectorFixture#textAttribute()}, then looked up.
 *
 * <pre>{@code
 * class ScimObjectLookupContractTest extends ObjectLookupContractTest {
 *     protected ConnectorFixture fixture() {
 *         return new ScimpleFixture(server, Sleeper.system());
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: JUnit makes a new instance per test.
 */
public abstract class ObjectLookupContractTest {
    private ConnectorFixture fixture;
    private ObjectLookup lookup;

    /** A new fixture with an opened connector; called before each test, closed after it. */
    protected abstract ConnectorFixture fixture();

    @BeforeEach
    final void openFixture() {
        fixture = fixture();
        assumeTrue(
                fixture.connector() instanceof ObjectLookup,
                () -> fixture.connector().getClass().getSimpleName() + " has no ObjectLookup");
        lookup = (ObjectLookup) fixture.connector();
    }

    @AfterEach
    final void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void findsTheOneUserHoldingAValueWholeWithItsDn() {
        Anchor ann = user("ann", "Lookup Analyst");
        user("bob", "Lookup Builder");

        List<ConnectorObject> found = lookup.find(fixture.userType(), fixture.textAttribute(), text("Lookup Analyst"));

        assertThat(found).singleElement().satisfies(o -> {
            assertThat(o.anchor()).isEqualTo(ann);
            assertThat(o.dn().toLowerCase(Locale.ROOT))
                    .isEqualTo(fixture.userDn("ann").toLowerCase(Locale.ROOT));
            assertThat(o.values(fixture.textAttribute())).containsExactly(text("Lookup Analyst"));
        });
    }

    @Test
    void findsNothingWhenNoObjectHoldsTheValue() {
        user("ann", "Lookup Analyst");

        assertThat(lookup.find(fixture.userType(), fixture.textAttribute(), text("Nobody Holds This")))
                .isEmpty();
    }

    /** Several matches are returned, not one chosen: the engine reports an ambiguous join. */
    @Test
    void findsEveryObjectHoldingAValueThatIsNotUnique() {
        Anchor ann = user("ann", "Lookup Twin");
        Anchor bob = user("bob", "Lookup Twin");

        assertThat(lookup.find(fixture.userType(), fixture.textAttribute(), text("Lookup Twin")))
                .extracting(ConnectorObject::anchor)
                .containsExactlyInAnyOrder(ann, bob);
    }

    /** Quotes of every filter language (SCIM's {@code "}, OData's {@code '}) are values, not syntax. */
    @Test
    void aValueWithQuotesIsMatchedLiterally() {
        Anchor ann = user("ann", "O'Brien \"the\" Analyst");
        user("bob", "O");

        assertThat(lookup.find(fixture.userType(), fixture.textAttribute(), text("O'Brien \"the\" Analyst")))
                .extracting(ConnectorObject::anchor)
                .containsExactly(ann);
    }

    @Test
    void anAttributeTheConnectorDoesNotMapIsRefused() {
        assertThatThrownBy(() -> lookup.find(fixture.userType(), "noSuchAttributeAnywhere", text("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Anchor user(String name, String textValue) {
        Map<String, List<AttributeValue>> attributes = new java.util.TreeMap<>(fixture.userAttributes(name));
        attributes.put(fixture.textAttribute(), List.of(text(textValue)));
        return fixture.create(fixture.userType(), fixture.userDn(name), attributes);
    }
}
