package dev.joinery.testkit;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.connector.spi.ConnectorError;
import dev.joinery.connector.spi.ConnectorException;
import dev.joinery.connector.spi.ConnectorObject;
import dev.joinery.connector.spi.ConnectorSchema;
import java.util.List;
import java.util.Map;

/**
 * What the in-memory connector refuses to write, as a directory's schema would: an object type or attribute
 * the schema does not declare, a second value of a single-valued attribute, a value of the wrong type. An
 * empty schema refuses nothing.
 */
final class SchemaCheck {
    private SchemaCheck() {}

    /** @throws ConnectorException {@code CONSTRAINT_VIOLATION}, naming the attribute when there is one */
    static void check(ConnectorSchema schema, ConnectorObject object) {
        if (schema.objectTypes().isEmpty()) {
            return;
        }
        ConnectorSchema.ObjectType type = schema.objectType(object.objectType())
                .orElseThrow(() -> new ConnectorException(ConnectorError.of(
                        ConnectorError.Code.CONSTRAINT_VIOLATION,
                        "object type " + object.objectType() + " is not in the schema")));
        for (Map.Entry<String, List<AttributeValue>> e : object.attributes().entrySet()) {
            String name = e.getKey();
            ConnectorSchema.Attribute attribute = type.attribute(name)
                    .orElseThrow(() -> violation(name, name + " is not an attribute of " + type.name()));
            List<AttributeValue> values = e.getValue();
            if (!attribute.multiValued() && values.size() > 1) {
                throw violation(name, name + " holds one value, not " + values.size());
            }
            for (AttributeValue v : values) {
                if (v.type() != attribute.type()) {
                    throw violation(name, name + " holds " + attribute.type() + " values, not " + v.type());
                }
            }
        }
    }

    private static ConnectorException violation(String attribute, String message) {
        return new ConnectorException(
                ConnectorError.onAttribute(ConnectorError.Code.CONSTRAINT_VIOLATION, attribute, message));
    }
}
