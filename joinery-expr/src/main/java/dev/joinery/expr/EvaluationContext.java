package dev.joinery.expr;

import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * What an expression reads while it is evaluated for one object: its attributes, the connector's parameters,
 * the values confirmed by the last import, a clock and a random source.
 *
 * <p>Implementations need not be thread-safe; one evaluation uses one context from one thread. Methods never
 * return Java {@code null}: an absent attribute is {@link Value#NULL}.
 */
public interface EvaluationContext {

    /**
     * The attribute's current value: {@link Value#NULL} when absent, a {@link Value.Multi} for a multi-valued
     * attribute (even with one value), otherwise a single value. Names are case-sensitive.
     */
    Value attribute(String name);

    /**
     * The values of the attribute that were exported and then confirmed by an import ({@code ImportedValue});
     * by default the same as {@link #attribute(String)}.
     */
    default Value importedValue(String name) {
        return attribute(name);
    }

    /**
     * The parameter's value ({@code %Domain.FQDN%} is {@code "Domain.FQDN"}), or {@code null} when the
     * connector does not define it; evaluating an undefined parameter is an {@code UNKNOWN_PARAMETER} error.
     */
    Value parameter(String name);

    /** The clock {@code Now()} reads. */
    default Clock clock() {
        return Clock.systemUTC();
    }

    /** The source of {@code RandomNum()} and {@code Guid()}. */
    default RandomGenerator random() {
        return RandomGenerator.getDefault();
    }
}
