package dev.joinery.engine.rules.aadc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.Problem;
import dev.joinery.engine.rules.RuleYamlReader;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AadcExporterTest {
    private static final Map<String, String> IDS = Map.of("contoso.com", "{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}");

    @TempDir
    Path dir;

    private static SyncRule customRule() {
        String yaml = String.join(
                "\n",
                "name: Out to AD - Custom",
                "description: |",
                "  Two lines",
                "  & <escapes>",
                "connector: contoso.com",
                "direction: Outbound",
                "sourceObjectType: person",
                "targetObjectType: user",
                "linkType: StickyJoin",
                "precedence: 50",
                "passwordSync: true",
                "aadc: {version: '3', precedence-after: '{11111111-0000-0000-0000-000000000000}'}",
                "scope: [[{attribute: cloudMastered, operator: NOTEQUAL, value: 'True'}, "
                        + "{attribute: mail, operator: ISNOTNULL}]]",
                "join: [[{source: sourceAnchorBinary, target: objectGUID, caseSensitive: true}]]",
                "flows:",
                "  - {target: info, constant: ''}",
                "  - {target: mail, direct: mail, applyOnce: true}",
                "  - target: proxyAddresses",
                "    expression: IIF(IsNullOrEmpty([cloudLegacyExchangeDN]),NULL,\"x500:\" & [cloudLegacyExchangeDN])",
                "    sources: [cloudLegacyExchangeDN]",
                "    merge: MergeCaseInsensitive",
                "");
        return RuleYamlReader.read(yaml, "custom.yaml").syncRules().get(0);
    }

    @Test
    void customRuleExportsAndImportsBackEqualWithAnIdDerivedFromItsName() throws IOException {
        SyncRule rule = customRule();

        List<Path> files = AadcExporter.exportFolder(List.of(rule), IDS, dir);
        List<Problem> problems = new ArrayList<>();
        SyncRule back = AadcImporter.readRule(
                        files.get(0),
                        IDS.entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey)),
                        problems)
                .orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(back).isEqualTo(rule.toBuilder().id(AadcExporter.idOf(rule)).build());
        assertThat(AadcExporter.idOf(rule))
                .isEqualTo(AadcExporter.idOf(customRule()))
                .startsWith("{");
    }

    /** Outbound join conditions are written with the connector side as csAttribute, as in the source exports. */
    @Test
    void outboundJoinIsWrittenWithConnectorAttributeAsCsAttribute() throws IOException {
        String xml = AadcExporter.toXml(customRule(), IDS);

        assertThat(xml)
                .contains("<caseSensitive>True</caseSensitive>\n        <csAttribute>objectGUID</csAttribute>\n"
                        + "        <ilmAttribute>sourceAnchorBinary</ilmAttribute>")
                .contains("<connector>{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}</connector>")
                .contains("<mapping execute-once=\"true\">")
                .contains("<csValue/>")
                .contains("<linkType>StickyJoin</linkType>")
                .contains("<EnablePasswordSync>true</EnablePasswordSync>")
                .contains("<version>3</version>")
                .endsWith("</synchronizationRule>\n");
    }

    @Test
    void ruleOfAnUnknownConnectorCannotBeExported() {
        SyncRule rule = SyncRule.builder("X")
                .connector("elsewhere")
                .direction(Direction.INBOUND)
                .sourceObjectType("user")
                .targetObjectType("person")
                .linkType(LinkType.JOIN)
                .joinGroup(JoinGroup.of(JoinCondition.of("a", "b")))
                .transformation(Transformation.direct("a", "b"))
                .build();

        assertThatThrownBy(() -> AadcExporter.toXml(rule, IDS))
                .hasMessage("sync rule 'X': no Azure AD Connect id for connector 'elsewhere'");
    }

    @Test
    void exportedFilesAreNamedAfterTheRuleId() throws IOException {
        SyncRule rule = customRule().toBuilder()
                .id("{0b088913-b613-4d9d-9563-9988b7719ed6}")
                .build();

        List<Path> files = AadcExporter.exportFolder(List.of(rule), IDS, dir);

        assertThat(files)
                .containsExactly(dir.resolve(
                        "SynchronizationRules/SynchronizationRule_{0b088913-b613-4d9d-9563-9988b7719ed6}.xml"));
        assertThat(Files.readString(files.get(0))).startsWith("<synchronizationRule>\n  <id>");
    }
}
