package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** OpenLDAP slapd over StartTLS, anchored by entryUUID, deltas by entryCSN or RFC 4533 content sync. */
final class SlapdFixture extends DirectoryFixture {

    SlapdFixture() {
        this(LdapConnectorConfig.DeltaStrategy.MODIFY_TIMESTAMP);
    }

    SlapdFixture(LdapConnectorConfig.DeltaStrategy strategy) {
        super(Directories.slapd(), "ou", strategy);
    }

    @Override
    LdapConnectorConfig.Builder configure(LdapConnectorConfig.Builder b) {
        return b.security(LdapConnectorConfig.Security.START_TLS)
                .anchor(LdapConnectorConfig.AnchorKind.ENTRY_UUID)
                .deltaStrategy(strategy)
                .changeAttribute("entryCSN")
                .objectType(LdapConnectorConfig.ObjectTypeConfig.of(
                        "inetOrgPerson", "inetOrgPerson", "top", "person", "organizationalPerson", "inetOrgPerson"))
                .objectType(
                        LdapConnectorConfig.ObjectTypeConfig.of("groupOfNames", "groupOfNames", "top", "groupOfNames"));
    }

    @Override
    boolean startTls() {
        return true;
    }

    @Override
    String anchorAttribute() {
        return "entryUUID";
    }

    @Override
    Anchor anchorOf(SearchResultEntry entry) {
        return Anchor.of(entry.getAttributeValue("entryUUID").toLowerCase(Locale.ROOT));
    }

    @Override
    Filter anchorFilter(Anchor anchor) {
        return Filter.createEqualityFilter("entryUUID", anchor.value());
    }

    @Override
    List<String> objectClasses(String objectType) {
        return objectType.equals("groupOfNames")
                ? List.of("top", "groupOfNames")
                : List.of("top", "person", "organizationalPerson", "inetOrgPerson");
    }

    @Override
    public String userType() {
        return "inetOrgPerson";
    }

    @Override
    public String groupType() {
        return "groupOfNames";
    }

    @Override
    public Map<String, List<AttributeValue>> userAttributes(String name) {
        Map<String, List<AttributeValue>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.put("sn", List.of(AttributeValue.text(name)));
        return m;
    }

    @Override
    public Map<String, List<AttributeValue>> groupAttributes(String name) {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    @Override
    public Optional<String> binaryAttribute() {
        return Optional.of("jpegPhoto");
    }
}
