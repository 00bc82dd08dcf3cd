package dev.joinery.engine.rules;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes sync rules as YAML, the format {@link RuleYamlReader} reads, so that reading what was written gives equal
 * rules. Keys come in a fixed order; keys at their default ({@code disabled: false}, {@code passwordSync: false},
 * {@code merge: Update}, {@code applyOnce: false}, empty description, scope, join and aadc) are left out.
 *
 * <pre>{@code
 * name: In from AD - User Join
 * connector: contoso.com
 * direction: Inbound
 * sourceObjectType: user
 * targetObjectType: person
 * linkType: Provision
 * precedence: 100
 * outOfBoxTag: Microsoft.InfromADUserJoin.003
 * id: '{0b088913-b613-4d9d-9563-9988b7719ed6}'
 * scope:
 *   - - {attribute: isCriticalSystemObject, operator: NOTEQUAL, value: 'TRUE'}
 *     - {attribute: adminDescription, operator: NOTSTARTSWITH, value: User_}
 * join:
 *   - - {source: objectSid, target: objectSid}
 *   - - {source: msExchMasterAccountSid, target: objectSid}
 * flows:
 *   - target: cloudFiltered
 *     expression: IIF(IsPresent([isCriticalSystemObject]), True, NULL)
 *     sources: [isCriticalSystemObject]
 *   - target: accountEnabled
 *     constant: 'True'
 *   - target: cn
 *     direct: cn
 *     merge: MergeCaseInsensitive
 *     applyOnce: true
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleYamlWriter {
    private RuleYamlWriter() {}

    /** One rule as a YAML document (a mapping). */
    public static String write(SyncRule rule) {
        StringBuilder b = new StringBuilder();
        writeRule(b, rule, "");
        return b.toString();
    }

    /** Several rules as one YAML document (a list of mappings), one blank line between rules. */
    public static String writeAll(List<SyncRule> rules) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            StringBuilder one = new StringBuilder();
            writeRule(one, rules.get(i), "  ");
            b.append("- ").append(one.substring(2));
        }
        return b.toString();
    }

    /** A file name for the rule: its name in kebab case ({@code In from AD - User Join} is {@code in-from-ad-user-join.yaml}). */
    public static String fileName(SyncRule rule) {
        return kebab(rule.name()) + ".yaml";
    }

    /** Lower case, runs of anything but letters and digits as one dash, no leading or trailing dash. */
    public static String kebab(String name) {
        String k = name.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-+|-+$", "");
        return k.isEmpty() ? "rule" : k;
    }

    private static void writeRule(StringBuilder b, SyncRule r, String in) {
        field(b, in, "name", r.name());
        if (!r.description().isEmpty()) {
            field(b, in, "description", r.description());
        }
        field(b, in, "connector", r.connector());
        field(b, in, "direction", r.direction().displayName());
        field(b, in, "sourceObjectType", r.sourceObjectType());
        field(b, in, "targetObjectType", r.targetObjectType());
        field(b, in, "linkType", r.linkType().displayName());
        b.append(in).append("precedence: ").append(r.precedence()).append('\n');
        if (r.disabled()) {
            b.append(in).append("disabled: true\n");
        }
        if (r.outOfBoxTag() != null) {
            field(b, in, "outOfBoxTag", r.outOfBoxTag());
        }
        if (r.passwordSync()) {
            b.append(in).append("passwordSync: true\n");
        }
        if (r.id() != null) {
            field(b, in, "id", r.id());
        }
        if (!r.aadcExtras().isEmpty()) {
            b.append(in).append("aadc:\n");
            r.aadcExtras().forEach((k, v) -> field(b, in + "  ", YamlText.scalar(k, false), v));
        }
        if (!r.scope().isEmpty()) {
            b.append(in).append("scope:\n");
            for (List<ScopeClause> group : r.scope().groups()) {
                String lead = in + "  - - ";
                for (ScopeClause c : group) {
                    b.append(lead).append("{attribute: ").append(YamlText.scalar(c.attribute(), true));
                    b.append(", operator: ").append(c.operator().displayName());
                    if (!c.value().isEmpty() || c.operator().takesValue()) {
                        b.append(", value: ").append(YamlText.scalar(c.value(), true));
                    }
                    b.append("}\n");
                    lead = in + "    - ";
                }
            }
        }
        if (r.hasJoin()) {
            b.append(in).append("join:\n");
            for (JoinGroup group : r.join()) {
                String lead = in + "  - - ";
                for (JoinCondition c : group.conditions()) {
                    b.append(lead).append("{source: ").append(YamlText.scalar(c.sourceAttribute(), true));
                    b.append(", target: ").append(YamlText.scalar(c.targetAttribute(), true));
                    if (c.caseSensitive()) {
                        b.append(", caseSensitive: true");
                    }
                    b.append("}\n");
                    lead = in + "    - ";
                }
            }
        }
        if (!r.transformations().isEmpty()) {
            b.append(in).append("flows:\n");
            for (Transformation t : r.transformations()) {
                writeFlow(b, t, in);
            }
        }
    }

    private static void writeFlow(StringBuilder b, Transformation t, String in) {
        String item = in + "    ";
        b.append(in)
                .append("  - target: ")
                .append(YamlText.scalar(t.target(), false))
                .append('\n');
        switch (t.flowType()) {
            case DIRECT:
                field(b, item, "direct", t.sources().get(0));
                break;
            case CONSTANT:
                field(b, item, "constant", t.constantValue());
                break;
            default:
                field(b, item, "expression", t.expressionText());
                if (!t.sources().isEmpty()) {
                    b.append(item).append("sources: ");
                    b.append(t.sources().stream()
                            .map(s -> YamlText.scalar(s, true))
                            .collect(Collectors.joining(", ", "[", "]")));
                    b.append('\n');
                }
        }
        if (t.mergeType() != MergeType.UPDATE) {
            field(b, item, "merge", t.mergeType().displayName());
        }
        if (t.applyOnce()) {
            b.append(item).append("applyOnce: true\n");
        }
    }

    private static void field(StringBuilder b, String in, String key, String value) {
        b.append(in)
                .append(key)
                .append(':')
                .append(YamlText.blockValue(value, in.length() + 2))
                .append('\n');
    }
}
