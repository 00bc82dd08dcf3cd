package dev.joinery.bench.sync;

import static dev.joinery.connector.spi.AttributeType.REFERENCE;
import static dev.joinery.connector.spi.AttributeType.STRING;

import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.engine.rules.Direction;
import dev.joinery.engine.rules.JoinCondition;
import dev.joinery.engine.rules.JoinGroup;
import dev.joinery.engine.rules.LinkType;
import dev.joinery.engine.rules.ScopeClause;
import dev.joinery.engine.rules.ScopeFilter;
import dev.joinery.engine.rules.ScopeOperator;
import dev.joinery.engine.rules.SyncRule;
import dev.joinery.engine.rules.Transformation;
import java.util.List;

/**
 * A realistic small rule set: three inbound rules from HR (a join that projects, names by expression, organisation
 * data in scope of employees only) and two outbound rules to the cloud (provisioning with a computed DN, and
 * attributes joined on sourceAnchor).
 */
final class BenchRules {
    static final String HR = "HR";
    static final String CLOUD = "cloud";

    private BenchRules() {}

    static List<SyncRule> rules() {
        return List.of(
                inbound("In from HR - Join", 100)
                        .linkType(LinkType.PROVISION)
                        .joinGroup(JoinGroup.of(JoinCondition.of("employeeID", "employeeID")))
                        .transformation(Transformation.direct("employeeID", "employeeID"))
                        .transformation(Transformation.expression("sourceAnchor", "\"hr-\" & LCase([employeeID])"))
                        .transformation(Transformation.constant("sourceObjectType", "User"))
                        .build(),
                inbound("In from HR - Names", 101)
                        .transformation(Transformation.direct("givenName", "givenName"))
                        .transformation(Transformation.direct("sn", "sn"))
                        .transformation(Transformation.expression("displayName", "[givenName] & \" \" & UCase([sn])"))
                        .transformation(Transformation.expression(
                                "mail", "LCase([givenName] & \".\" & [sn] & \"@contoso.example\")"))
                        .build(),
                inbound("In from HR - Organisation", 102)
                        .scope(ScopeFilter.allOf(new ScopeClause("employeeType", ScopeOperator.EQUAL, "Employee")))
                        .transformation(Transformation.direct("department", "department"))
                        .transformation(
                                Transformation.expression("title", "IIF(IsPresent([title]), Trim([title]), \"Staff\")"))
                        .transformation(Transformation.direct("manager", "manager"))
                        .build(),
                SyncRule.builder("Out to cloud - User Join")
                        .connector(CLOUD)
                        .direction(Direction.OUTBOUND)
                        .sourceObjectType("person")
                        .targetObjectType("user")
                        .precedence(100)
                        .linkType(LinkType.PROVISION)
                        .scope(ScopeFilter.allOf(ScopeClause.of("sourceAnchor", ScopeOperator.ISNOTNULL)))
                        .joinGroup(JoinGroup.of(new JoinCondition("sourceAnchor", "sourceAnchor", true)))
                        .transformation(
                                Transformation.expression("dn", "\"CN=\" & [sourceAnchor] & \",OU=Users,DC=cloud\""))
                        .transformation(Transformation.direct("sourceAnchor", "sourceAnchor"))
                        .transformation(Transformation.direct("displayName", "displayName"))
                        .transformation(Transformation.direct("mail", "mail"))
                        .build(),
                SyncRule.builder("Out to cloud - User Organisation")
                        .connector(CLOUD)
                        .direction(Direction.OUTBOUND)
                        .sourceObjectType("person")
                        .targetObjectType("user")
                        .precedence(101)
                        .transformation(Transformation.direct("department", "department"))
                        .transformation(Transformation.direct("title", "title"))
                        .transformation(Transformation.direct("givenName", "givenName"))
                        .transformation(Transformation.direct("sn", "sn"))
                        .build());
    }

    private static SyncRule.Builder inbound(String name, int precedence) {
        return SyncRule.builder(name)
                .connector(HR)
                .direction(Direction.INBOUND)
                .sourceObjectType("user")
                .targetObjectType("person")
                .precedence(precedence);
    }

    static ConnectorSchema hrSchema() {
        return schema(
                "objectGUID",
                List.of("employeeID", "givenName", "sn", "department", "title", "employeeType"),
                List.of("manager"));
    }

    static ConnectorSchema cloudSchema() {
        return schema(
                "id",
                List.of("sourceAnchor", "displayName", "mail", "department", "title", "givenName", "sn"),
                List.of());
    }

    private static ConnectorSchema schema(String anchor, List<String> text, List<String> refs) {
        List<ConnectorSchema.Attribute> a = new java.util.ArrayList<>();
        text.forEach(n -> a.add(new ConnectorSchema.Attribute(n, STRING, false)));
        refs.forEach(n -> a.add(new ConnectorSchema.Attribute(n, REFERENCE, false)));
        return new ConnectorSchema(List.of(new ConnectorSchema.ObjectType("user", anchor, a)));
    }
}
