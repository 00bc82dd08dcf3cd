package dev.joinery.expr.eval;

import dev.joinery.expr.EvaluationContext;
import dev.joinery.expr.Value;

/**
 * The state of one evaluation: the context and the slots the compiler assigned to variables ({@code $item})
 * and to attributes bound one value at a time while a multi-valued attribute is iterated. A slot holding
 * Java null is unbound. One frame per evaluation, one thread.
 */
final class Frame {
    final EvaluationContext context;
    final Value[] slots;

    Frame(EvaluationContext context, int slotCount) {
        this.context = context;
        this.slots = slotCount == 0 ? NO_SLOTS : new Value[slotCount];
    }

    private static final Value[] NO_SLOTS = new Value[0];
}
