package dev.joinery.engine.sync;

import dev.joinery.engine.model.CsObject;
import dev.joinery.engine.model.MvObject;
import dev.joinery.engine.model.ObjectError;
import dev.joinery.engine.model.PendingExport;
import dev.joinery.engine.rules.Direction;
import java.util.List;

/**
 * What a full synchronization of one connector-space object would do, computed without committing anything ("Generate
 * Preview keeps changes in memory only ... shows which rule applied for each attribute flow").
 *
 * @param object the object as it is in the connector space
 * @param scopes every rule evaluated, in evaluation order: in scope or not, and why
 * @param join what the join, projection and provisioning steps decided, in order
 * @param flows every flow evaluated, with its value and whether it won the precedence
 * @param metaverse the metaverse object the object would be linked to, as it would be; null when none
 * @param pendingExports the pending exports the objects linked to it would have
 * @param errors the errors the synchronization would report
 */
public record Preview(
        CsObject object,
        List<RuleScope> scopes,
        List<String> join,
        List<Flow> flows,
        MvObject metaverse,
        List<PendingExport> pendingExports,
        List<ObjectError> errors) {

    public Preview {
        scopes = List.copyOf(scopes);
        join = List.copyOf(join);
        flows = List.copyOf(flows);
        pendingExports = List.copyOf(pendingExports);
        errors = List.copyOf(errors);
    }

    /** One rule's scope for one object. */
    public record RuleScope(String rule, Direction direction, String object, boolean inScope, String reason) {}

    /** One flow's value for one target attribute. */
    public record Flow(String rule, String object, String attribute, String value, boolean won) {}

    /** The flows to an attribute (any object), in evaluation order. */
    public List<Flow> flows(String attribute) {
        return flows.stream()
                .filter(f -> f.attribute().equalsIgnoreCase(attribute))
                .toList();
    }

    /** The scope outcome of a rule, the first time it was evaluated. */
    public RuleScope scope(String rule) {
        return scopes.stream()
                .filter(s -> s.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rule '" + rule + "' was not evaluated"));
    }
}
