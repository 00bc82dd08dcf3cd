package dev.joinery.expr.eval;

import dev.joinery.expr.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluator of an ordinary function: every argument is evaluated, left to right, and the body runs on
 * the values. When an argument taken as {@link Param#SCALAR} is multi-valued, the body runs once per value
 * and the results form a multi-valued value, with NULL results dropped ("For multi-valued attributes, the
 * function operates over every value and applies the same function to every value").
 */
final class Strict implements Evaluator {

    /** The body of a function over evaluated arguments; never receives a multi-valued scalar argument. */
    @FunctionalInterface
    interface Body {
        Value apply(Site site, Value[] args, Frame frame);
    }

    private final Site site;
    private final Body body;
    private final boolean[] scalar;

    Strict(Site site, FunctionSpec spec, Body body) {
        this.site = site;
        this.body = body;
        this.scalar = new boolean[site.argCount()];
        for (int i = 0; i < scalar.length; i++) {
            scalar[i] = spec.param(i) == Param.SCALAR;
        }
    }

    @Override
    public Value eval(Frame frame) {
        Evaluator[] argEvals = site.args;
        Value[] args = new Value[argEvals.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = argEvals[i].eval(frame);
        }
        return applyScalar(args, frame);
    }

    /** Applies the body, once per value of each multi-valued scalar argument; no values is NULL. */
    private Value applyScalar(Value[] args, Frame frame) {
        for (int i = 0; i < args.length; i++) {
            if (scalar[i] && args[i] instanceof Value.Multi m) {
                if (m.size() == 0) {
                    args[i] = Value.NULL;
                    continue;
                }
                List<Value> out = new ArrayList<>(m.size());
                for (Value v : m.values()) {
                    Value[] one = args.clone();
                    one[i] = v;
                    out.add(applyScalar(one, frame));
                }
                return Compiler.collect(out);
            }
        }
        return body.apply(site, args, frame);
    }
}
