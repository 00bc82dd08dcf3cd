package dev.joinery.connector.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Option sets: lookup, sections of dotted names, did-you-mean, and the checks made when a set is built. */
class OptionSetTest {
    private static final Option<String> HOST = Option.string("host").required();
    private static final Option<Integer> PORT = Option.integer("port").withDefault(389);
    private static final Option<String> BIND_DN = Option.string("bind.dn");
    private static final Option<Secret> BIND_PASSWORD = Option.secret("bind.password");
    private static final OptionSet LDAP = OptionSet.of("ldap", HOST, PORT, BIND_DN, BIND_PASSWORD);

    @Test
    void keepsDeclaredOrderAndFindsByExactName() {
        assertThat(LDAP.options()).containsExactly(HOST, PORT, BIND_DN, BIND_PASSWORD);
        assertThat(LDAP.find("bind.dn")).contains(BIND_DN);
        assertThat(LDAP.find("Host")).isEmpty();
        assertThat(LDAP.contains(PORT)).isTrue();
        assertThat(LDAP.contains(Option.integer("port"))).isFalse();
        assertThat(LDAP).hasToString("ldap[host, port, bind.dn, bind.password]");
    }

    @Test
    void dottedNamesMakeSections() {
        assertThat(LDAP.isSection("bind")).isTrue();
        assertThat(LDAP.isSection("host")).isFalse();
        assertThat(LDAP.isSection("bind.dn")).isFalse();
    }

    @Test
    void suggestsTheClosestOptionOrSectionForATypo() {
        assertThat(LDAP.suggest("hots")).contains("host");
        assertThat(LDAP.suggest("prot")).contains("port");
        assertThat(LDAP.suggest("bind.pasword")).contains("bind.password");
        assertThat(LDAP.suggest("bindPassword")).contains("bind.password");
        assertThat(LDAP.suggest("Bind")).contains("bind");
        assertThat(LDAP.suggest("timeout")).isEmpty();
    }

    @Test
    void closestIgnoresCaseAndPrefersTheEarlierCandidateOnATie() {
        assertThat(OptionSet.closest("LDAP", List.of("file", "ldap"))).contains("ldap");
        assertThat(OptionSet.closest("cat", List.of("bat", "hat"))).contains("bat");
        assertThat(OptionSet.closest("scim", List.of("ldap", "graph"))).isEmpty();
    }

    @Test
    void refusesDuplicateNamesAnOptionThatIsAlsoASectionAndAnInvalidDefault() {
        assertThatThrownBy(() -> OptionSet.of("k", HOST, Option.string("host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option set k has two options named host");
        assertThatThrownBy(() -> OptionSet.of("k", Option.string("bind"), BIND_DN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option bind is also the start of other options' names");
        assertThatThrownBy(() ->
                        OptionSet.of("k", Option.integer("port").withDefault(0).withRange(1, 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option set k: the default of port is invalid: expected an integer from 1 to 9, found 0");
    }
}
