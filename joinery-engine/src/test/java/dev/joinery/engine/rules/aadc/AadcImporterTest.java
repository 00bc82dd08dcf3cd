package dev.joinery.engine.rules.aadc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joinery.engine.rules.AttributeSchema;
import dev.joinery.engine.rules.AttributeType;
import dev.joinery.engine.rules.ConnectorStub;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.FlowType;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.LoadedRule;
import dev.joinery.engine.rules.MergeType;
import dev.joinery.engine.rules.Partition;
import dev.joinery.engine.rules.RuleLoadResult;
import dev.joinery.engine.rules.RuleSetValidator;
import dev.joinery.engine.rules.RuleYamlReader;
import dev.joinery.engine.rules.RuleYamlWriter;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Azure AD Connect export in {@code shared/testdata/aadc-export} (Contoso, 2016, 62 rules). */
class AadcImporterTest {
    static final Path SHARED = Path.of(System.getProperty("joinery.shared", "../../shared"));
    static final Path EXPORT = SHARED.resolve("testdata/aadc-export");
    static AadcImport imported;

    @BeforeAll
    static void importOnce() {
        imported = AadcImporter.importFolder(EXPORT);
    }

    static SyncRule rule(String name) {
        return imported.syncRules().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void allSixtyTwoRulesTwoConnectorsAndTheMetaverseImportWithoutProblems() {
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.rules()).hasSize(62);
        assertThat(imported.connectors())
                .extracting(ConnectorStub::name, ConnectorStub::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("contoso.com", "ldap"),
                        org.assertj.core.groups.Tuple.tuple("contoso.onmicrosoft.com - AAD", "graph"));
        assertThat(imported.metaverse().objectTypes().keySet()).containsExactly("person", "group", "device");
    }

    /**
     * Validated against the imported metaverse and connector schemas, the shipped rules are clean. Two facts make
     * that so: every connector object has {@code dn} (read by {@code CRef([dn])}, written by the outbound {@code dn}
     * flows), and seven "Out to AAD - Group ..." rules (and "Out to AD - InetOrgPerson Join" / "Out to AD - User Join
     * SOAInAD") share identical join groups with overlapping scopes, which the validator accepts (see
     * {@link RuleSetValidator}).
     */
    @Test
    void importedRulesValidateCleanAgainstTheImportedSchemas() {
        assertThat(RuleSetValidator.validate(imported.rules(), imported.schemas()))
                .isEmpty();
    }

    @Test
    void everyImportedRuleReadsBackEqualFromItsYaml() {
        for (SyncRule rule : imported.syncRules()) {
            String yaml = RuleYamlWriter.write(rule);
            RuleLoadResult back = RuleYamlReader.read(yaml, RuleYamlWriter.fileName(rule));

            assertThat(back.problems()).as(yaml).isEmpty();
            assertThat(back.syncRules()).as(yaml).containsExactly(rule);
        }
    }

    @Test
    void everyImportedRuleExportsBackToItsSourceXml() throws Exception {
        Map<String, String> ids = new HashMap<>();
        imported.connectors().forEach(c -> ids.put(c.name(), c.id()));
        List<String> differences = new ArrayList<>();
        for (LoadedRule loaded : imported.rules()) {
            String xml = AadcExporter.toXml(loaded.rule(), ids);
            String difference = XmlSemantics.difference(Path.of(loaded.source().file()), xml);
            if (difference != null) {
                differences.add(loaded.rule().name() + ": " + difference);
            }
        }
        assertThat(differences).isEmpty();
    }

    /**
     * Notes, Appendix A: "100 In from AD - User Join Inbound Provision user -> person | scope:
     * (isCriticalSystemObject NOTEQUAL TRUE AND adminDescription NOTSTARTSWITH User_) | join: objectSid=objectSid ;
     * msExchMasterAccountSid=objectSid ; objectSid=msExchMasterAccountSid ; msRTCSIP-OriginatorSid=objectSid ;
     * objectSid=msRTCSIP-OriginatorSid | flows: 1".
     */
    @Test
    void inFromAdUserJoinHasTheDocumentedPrecedenceLinkTypeScopeAndJoinGroups() {
        SyncRule join = rule("In from AD - User Join");

        assertThat(join.precedence()).isEqualTo(100);
        assertThat(join.direction()).isEqualTo(Direction.INBOUND);
        assertThat(join.linkType()).isEqualTo(LinkType.PROVISION);
        assertThat(join.connector()).isEqualTo("contoso.com");
        assertThat(join.sourceObjectType()).isEqualTo("user");
        assertThat(join.targetObjectType()).isEqualTo("person");
        assertThat(join.outOfBoxTag()).isEqualTo("Microsoft.InfromADUserJoin.003");
        assertThat(join.id()).isEqualTo("{0b088913-b613-4d9d-9563-9988b7719ed6}");
        assertThat(join.scope())
                .isEqualTo(ScopeFilter.allOf(
                        new ScopeClause("isCriticalSystemObject", ScopeOperator.NOTEQUAL, "TRUE"),
                        new ScopeClause("adminDescription", ScopeOperator.NOTSTARTSWITH, "User_")));
        assertThat(join.join())
                .containsExactly(
                        JoinGroup.of(JoinCondition.of("objectSid", "objectSid")),
                        JoinGroup.of(JoinCondition.of("msExchMasterAccountSid", "objectSid")),
                        JoinGroup.of(JoinCondition.of("objectSid", "msExchMasterAccountSid")),
                        JoinGroup.of(JoinCondition.of("msRTCSIP-OriginatorSid", "objectSid")),
                        JoinGroup.of(JoinCondition.of("objectSid", "msRTCSIP-OriginatorSid")));
        assertThat(join.transformations()).singleElement().satisfies(t -> {
            assertThat(t.target()).isEqualTo("cloudFiltered");
            assertThat(t.flowType()).isEqualTo(FlowType.EXPRESSION);
            assertThat(t.sources()).containsExactly("mailNickname", "sAMAccountName");
        });
        assertThat(join.aadcExtras()).isEmpty();
    }

    private static final Pattern APPENDIX_A = Pattern.compile(
            "^- (\\d+) (.+?) (Inbound|Outbound) (Join|Provision|StickyJoin) (\\S+) -> (\\S+) \\| .*\\| flows: (\\d+)$");

    /** Every line of the notes' Appendix A: precedence, name, direction, link type, object types, flow count. */
    @Test
    void everyRuleMatchesAppendixA() throws IOException {
        List<String> lines = Files.readAllLines(SHARED.resolve("reference/aadc-semantics-notes.md"));
        int matched = 0;
        for (String line : lines) {
            Matcher m = APPENDIX_A.matcher(line);
            if (!m.matches()) {
                continue;
            }
            SyncRule r = rule(m.group(2));
            assertThat(r.precedence()).as(line).isEqualTo(Integer.parseInt(m.group(1)));
            assertThat(r.direction().displayName()).as(line).isEqualTo(m.group(3));
            assertThat(r.linkType().displayName()).as(line).isEqualTo(m.group(4));
            assertThat(r.sourceObjectType() + " -> " + r.targetObjectType())
                    .as(line)
                    .isEqualTo(m.group(5) + " -> " + m.group(6));
            assertThat(r.transformations()).as(line).hasSize(Integer.parseInt(m.group(7)));
            matched++;
        }
        assertThat(matched).isEqualTo(62);
    }

    /** Outbound join conditions read the metaverse (XML {@code ilmAttribute}) and match the connector space. */
    @Test
    void outboundJoinConditionsHaveTheMetaverseAsSource() {
        assertThat(rule("Out to AD - Group Join").join())
                .containsExactly(JoinGroup.of(JoinCondition.of("sourceAnchorBinary", "objectGUID")));
    }

    /** "the real export uses ISBITNOTSET (userAccountControl ISBITNOTSET 2)". */
    @Test
    void observedNegatedBitTestAndPasswordSyncFlagAreKept() {
        SyncRule enabled = rule("In from AD - User AccountEnabled");

        assertThat(enabled.scope())
                .isEqualTo(ScopeFilter.allOf(new ScopeClause("userAccountControl", ScopeOperator.ISBITNOTSET, "2")));
        assertThat(enabled.passwordSync()).isTrue();
        assertThat(enabled.transformations().get(0))
                .isEqualTo(dev.joinery.engine.rules.Transformation.constant("accountEnabled", "True"));
    }

    /** "Out to AAD - Device Join SOAInAD": userCertificate MergeCaseInsensitive; Computer Join's apply-once flows. */
    @Test
    void mergeTypesCaseSensitiveJoinsAndApplyOnceAreImported() {
        assertThat(rule("Out to AAD - Device Join SOAInAD").transformations())
                .filteredOn(t -> t.target().equals("userCertificate"))
                .singleElement()
                .extracting(dev.joinery.engine.rules.Transformation::mergeType)
                .isEqualTo(MergeType.MERGE_CASE_INSENSITIVE);
        assertThat(rule("In from AAD - User Join").join())
                .containsExactly(JoinGroup.of(new JoinCondition("sourceAnchor", "sourceAnchor", true)));
        assertThat(rule("In from AD - Computer Join").transformations())
                .filteredOn(dev.joinery.engine.rules.Transformation::applyOnce)
                .extracting(dev.joinery.engine.rules.Transformation::target)
                .containsExactly("cloudCreated", "registeredOwnerReference");
    }

    @Test
    void connectorStubsCarryPartitionsAnchorAndTheAttributesInScope() {
        ConnectorStub ad = imported.connectors().get(0);
        ConnectorStub aad = imported.connectors().get(1);

        assertThat(ad.id()).isEqualTo("{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}");
        assertThat(ad.anchor()).isEqualTo("objectGUID");
        assertThat(ad.partitions()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("DC=contoso,DC=com");
            assertThat(p.inclusions()).containsExactly("OU=CORP,DC=contoso,DC=com");
            assertThat(p.exclusions()).containsExactly("DC=contoso,DC=com");
            assertThat(p.objectTypes()).contains("user", "inetOrgPerson", "group", "contact", "computer");
        });
        assertThat(ad.schema().attributeNames("user"))
                .contains("objectSid", "sAMAccountName", "userAccountControl", "msExchMasterAccountSid")
                .doesNotContain("sIDHistory");
        assertThat(aad.anchor()).isEqualTo("cloudAnchor");
        assertThat(aad.partitions()).extracting(Partition::name).containsExactly("default");
        assertThat(aad.schema().objectTypes().keySet()).containsExactly("contact", "device", "group", "user");
    }

    /** Notes §2.17: "object classes person (182 attrs), group (86), device (29); 219 attribute types". */
    @Test
    void metaverseSchemaHasTypesAndMultiplicityFromTheDsml() {
        var mv = imported.metaverse();

        assertThat(mv.attributeNames("person")).hasSize(182);
        assertThat(mv.attributeNames("group")).hasSize(86);
        assertThat(mv.attributeNames("device")).hasSize(29);
        Map<String, AttributeSchema> person = mv.objectTypes().get("person");
        assertThat(person.get("cloudFiltered"))
                .isEqualTo(new AttributeSchema("cloudFiltered", AttributeType.BOOLEAN, false));
        assertThat(person.get("proxyAddresses").multiValued()).isTrue();
        assertThat(person.get("objectSid").type()).isEqualTo(AttributeType.BINARY);
        assertThat(mv.objectTypes().get("group").get("member"))
                .isEqualTo(new AttributeSchema("member", AttributeType.REFERENCE, true));
        assertThat(mv.objectTypes().get("group").get("memberCount").type()).isEqualTo(AttributeType.INTEGER);
    }
}
