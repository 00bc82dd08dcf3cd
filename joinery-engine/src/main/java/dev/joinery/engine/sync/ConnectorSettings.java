package dev.joinery.engine.sync;

import dev.joinery.connector.spi.ConnectorSchema;
import dev.joinery.expr.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What synchronization and export need to know of one connector. Immutable.
 *
 * @param name unique, never blank
 * @param parameters {@code %Name%} values for its rules' expressions and scoping values ({@code Domain.FQDN},
 *     {@code Forest.Netbios}, ...); {@code Connector.ID} and {@code Connector.Name} default to the name
 * @param schema its object types and attributes (which are multi-valued), or null when unknown
 * @param immutableAttributes attributes that may not change once exported (sourceAnchor, immutableId): a change stops
 *     the object's export with {@code SOURCE_ANCHOR_CHANGED}
 * @param uniqueAttributes attributes the directory keeps unique (userPrincipalName, proxyAddresses, mail): a
 *     conflict on one is quarantined instead of failing the object
 * @param quarantineDomain the domain of the placeholder a quarantined single-valued attribute gets
 *     ({@code prefix+1234@contoso.onmicrosoft.com}), or null to leave it out
 */
public record ConnectorSettings(
        String name,
        Map<String, String> parameters,
        ConnectorSchema schema,
        Set<String> immutableAttributes,
        Set<String> uniqueAttributes,
        String quarantineDomain) {

    public ConnectorSettings {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("connector name must not be blank");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        immutableAttributes = caseInsensitive(immutableAttributes);
        uniqueAttributes = caseInsensitive(uniqueAttributes);
    }

    /** A connector with no parameters, schema or special attributes. */
    public static ConnectorSettings of(String name) {
        return new ConnectorSettings(name, Map.of(), null, Set.of(), Set.of(), null);
    }

    public ConnectorSettings withParameter(String parameter, String value) {
        Map<String, String> map = new LinkedHashMap<>(parameters);
        map.put(parameter, value);
        return new ConnectorSettings(name, map, schema, immutableAttributes, uniqueAttributes, quarantineDomain);
    }

    public ConnectorSettings withSchema(ConnectorSchema value) {
        return new ConnectorSettings(name, parameters, value, immutableAttributes, uniqueAttributes, quarantineDomain);
    }

    public ConnectorSettings withImmutableAttributes(String... names) {
        return new ConnectorSettings(name, parameters, schema, Set.of(names), uniqueAttributes, quarantineDomain);
    }

    public ConnectorSettings withUniqueAttributes(String domain, String... names) {
        return new ConnectorSettings(name, parameters, schema, immutableAttributes, Set.of(names), domain);
    }

    /** The parameters as expression values, with the defaults. */
    public Map<String, Value> parameterValues() {
        Map<String, Value> map = new LinkedHashMap<>();
        map.put("Connector.ID", Value.of(name));
        map.put("Connector.Name", Value.of(name));
        parameters.forEach((k, v) -> map.put(k, Value.of(v)));
        return map;
    }

    /** Whether the schema declares the attribute multi-valued on the type; false when unknown. */
    public boolean multiValued(String objectType, String attribute) {
        if (schema == null) {
            return false;
        }
        return schema.objectType(objectType)
                .flatMap(t -> t.attribute(attribute))
                .map(ConnectorSchema.Attribute::multiValued)
                .orElse(false);
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return Collections.unmodifiableSet(set);
    }
}
