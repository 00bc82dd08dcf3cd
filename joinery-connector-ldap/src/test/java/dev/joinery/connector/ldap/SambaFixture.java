package dev.joinery.connector.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.joinery.connector.ldap.ad.ObjectGuid;
import dev.joinery.connector.spi.Anchor;
import dev.joinery.connector.spi.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A Samba AD DC over LDAPS, anchored by objectGUID, with the given delta strategy. */
class SambaFixture extends DirectoryFixture {
    private final String suffix = Long.toString(System.nanoTime() % 100000, 36);

    SambaFixture(int dc, LdapConnectorConfig.DeltaStrategy strategy) {
        this(Directories.samba(dc), strategy);
    }

    SambaFixture(Directories.Server server, LdapConnectorConfig.DeltaStrategy strategy) {
        super(server, "OU", strategy);
    }

    @Override
    LdapConnectorConfig.Builder configure(LdapConnectorConfig.Builder b) {
        return b.security(LdapConnectorConfig.Security.LDAPS)
                .anchor(LdapConnectorConfig.AnchorKind.OBJECT_GUID)
                .deltaStrategy(strategy)
                .objectType(LdapConnectorConfig.ObjectTypeConfig.of(
                                "user", "user", "top", "person", "organizationalPerson", "user")
                        .withExtraFilter("(!(objectClass=computer))"))
                .objectType(LdapConnectorConfig.ObjectTypeConfig.of("group", "group", "top", "group"));
    }

    @Override
    boolean startTls() {
        return false;
    }

    @Override
    String anchorAttribute() {
        return "objectGUID";
    }

    @Override
    Anchor anchorOf(SearchResultEntry entry) {
        return Anchor.of(ObjectGuid.toText(entry.getAttributeValueBytes("objectGUID")));
    }

    @Override
    Filter anchorFilter(Anchor anchor) {
        return Filter.createEqualityFilter("objectGUID", ObjectGuid.toBytes(anchor.value()));
    }

    @Override
    List<String> objectClasses(String objectType) {
        return objectType.equals("group")
                ? List.of("top", "group")
                : List.of("top", "person", "organizationalPerson", "user");
    }

    @Override
    public String userType() {
        return "user";
    }

    @Override
    public String groupType() {
        return "group";
    }

    @Override
    public Map<String, List<AttributeValue>> userAttributes(String name) {
        Map<String, List<AttributeValue>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.put("sAMAccountName", List.of(AttributeValue.text(name + "-" + suffix)));
        return m;
    }

    @Override
    public Map<String, List<AttributeValue>> groupAttributes(String name) {
        return userAttributes("g-" + name);
    }

    @Override
    public Optional<String> binaryAttribute() {
        return Optional.of("thumbnailPhoto");
    }
}
