package dev.joinery.engine.sync;

import dev.joinery.connector.spi.AttributeValue;
import dev.joinery.expr.EvaluationContext;
import dev.joinery.expr.Value;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * An {@link EvaluationContext} over one connector-space or metaverse object. {@code [dn]} reads the object's DN when
 * it has no attribute of that name. For a connector-space object, {@link #attribute(String)} reads the hologram with
 * values staged or exported but not yet confirmed laid over it ("synchronization gets an attribute value from the
 * respective connector space ... even if it hasn't been yet exported"), and {@link #importedValue(String)} reads the
 * hologram alone. Not thread-safe; one per evaluation.
 */
public final class ObjectEvaluationContext implements EvaluationContext {
    private final Map<String, List<AttributeValue>> current;
    private final Map<String, List<AttributeValue>> imported;
    private final String dn;
    private final Map<String, Value> parameters;
    private final Predicate<String> multiValued;
    private final Clock clock;
    private final RandomGenerator random;

    /**
     * @param current the values {@code [name]} reads, case-insensitive names
     * @param imported the values {@code ImportedValue("name")} reads
     * @param dn the object's DN, or null (a metaverse object has none)
     * @param parameters {@code %Name%} values of the rule's connector
     * @param multiValued whether an attribute is multi-valued by schema (an attribute with several values always is)
     */
    public ObjectEvaluationContext(
            Map<String, List<AttributeValue>> current,
            Map<String, List<AttributeValue>> imported,
            String dn,
            Map<String, Value> parameters,
            Predicate<String> multiValued,
            Clock clock,
            RandomGenerator random) {
        this.current = Objects.requireNonNull(current, "current");
        this.imported = Objects.requireNonNull(imported, "imported");
        this.dn = dn;
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.multiValued = Objects.requireNonNull(multiValued, "multiValued");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Value attribute(String name) {
        return read(current, name);
    }

    @Override
    public Value importedValue(String name) {
        return read(imported, name);
    }

    private Value read(Map<String, List<AttributeValue>> map, String name) {
        List<AttributeValue> values = map.get(name);
        if (values == null && dn != null && name.equalsIgnoreCase("dn")) {
            return Value.of(dn);
        }
        return values == null ? Value.NULL : ValueBridge.toValue(values, multiValued.test(name));
    }

    @Override
    public Value parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }
}
