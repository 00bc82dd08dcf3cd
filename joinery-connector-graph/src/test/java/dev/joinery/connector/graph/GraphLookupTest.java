package dev.joinery.connector.graph;

import static dev.joinery.connector.spi.AttributeValue.bool;
import static dev.joinery.connector.spi.AttributeValue.reference;
import static dev.joinery.connector.spi.AttributeValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Graph's side of the outbound join lookup: {@code $filter} forms of graph-directory-notes §2.1. */
class GraphLookupTest {
    private final EmulatorFixture fixture = EmulatorFixture.started();
    private final GraphConnector connector = fixture.connector;

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** notes §2.1: "Collections use lambdas, e.g. {@code proxyAddresses/any(p:p eq 'smtp:a@b.com')}". */
    @Test
    void findsAUserByOneOfItsProxyAddressesIgnoringCase() {
        Anchor ann = user("ann", "proxyAddresses", text("SMTP:ann@contoso.example"), text("smtp:a@contoso.example"));

        assertThat(connector.find("user", "proxyAddresses", text("smtp:ANN@contoso.example")))
                .extracting(ConnectorObject::anchor)
                .containsExactly(ann);
    }

    @Test
    void findsAUserByItsSourceAnchorAndById() {
        Anchor ann = user("ann", "onPremisesImmutableId", text("AAECAwQFBgcICQoLDA0ODw=="));

        assertThat(connector.find("user", "onPremisesImmutableId", text("AAECAwQFBgcICQoLDA0ODw==")))
                .extracting(ConnectorObject::anchor)
                .containsExactly(ann);
        assertThat(connector.find("user", "id", text(ann.value())))
                .extracting(ConnectorObject::anchor)
                .containsExactly(ann);
        assertThat(connector.find("user", "id", text("00000000-0000-0000-0000-000000000000")))
                .isEmpty();
    }

    @Test
    void findsAGroupByMailNicknameWithItsMembersAndByABoolean() {
        user("ann", "jobTitle", text("x"));
        Map<String, List<AttributeValue>> attributes = new TreeMap<>(fixture.groupAttributes("staff"));
        attributes.put("members", List.of(reference(fixture.userDn("ann"))));
        Anchor staff = fixture.create("group", fixture.groupDn("staff"), attributes);

        assertThat(connector.find("group", "mailNickname", text("STAFF")))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.anchor()).isEqualTo(staff);
                    assertThat(g.values("members")).containsExactly(reference(fixture.userDn("ann")));
                });
        assertThat(connector.find("group", "securityEnabled", bool(true)))
                .extracting(ConnectorObject::anchor)
                .containsExactly(staff);
    }

    @Test
    void membersAndBinaryValuesCannotBeLookedUp() {
        assertThatThrownBy(() -> connector.find("group", "members", text("users/ann@contoso.example")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connector.find("user", "mail", AttributeValue.binary(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connector.find("printer", "mail", text("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Anchor user(String name, String attribute, AttributeValue... values) {
        Map<String, List<AttributeValue>> attributes = new TreeMap<>(fixture.userAttributes(name));
        attributes.put(attribute, List.of(values));
        return fixture.create("user", fixture.userDn(name), attributes);
    }
}
