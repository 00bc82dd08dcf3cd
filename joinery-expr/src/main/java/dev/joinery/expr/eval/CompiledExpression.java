package dev.joinery.expr.eval;

import dev.joinery.expr.EvaluationContext;
import dev.joinery.expr.Value;
import dev.joinery.expr.ast.Node;
import java.util.List;

/** The compiled form behind {@link dev.joinery.expr.Expression}; immutable and thread-safe. */
public final class CompiledExpression {
    private final Evaluator root;
    private final int slotCount;

    private CompiledExpression(Compiler.Program program) {
        this.root = program.root();
        this.slotCount = program.slotCount();
    }

    /** Compiles a tree; throws ExpressionSyntaxException for unknown names and wrong arities. */
    public static CompiledExpression of(Node ast, String source) {
        return new CompiledExpression(Compiler.compile(ast, source));
    }

    public Value evaluate(EvaluationContext context) {
        return root.eval(new Frame(context, slotCount));
    }

    /** The names of every function the language knows, sorted. */
    public static List<String> functionNames() {
        return FunctionLibrary.STANDARD.names();
    }
}
