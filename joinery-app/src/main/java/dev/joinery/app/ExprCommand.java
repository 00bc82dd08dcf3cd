package dev.joinery.app;

import dev.joinery.expr.EvaluationException;
import dev.joinery.expr.Expression;
import dev.joinery.expr.ExpressionSyntaxException;
import dev.joinery.expr.MapEvaluationContext;
import dev.joinery.expr.Value;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code joinery expr}: evaluates one sync-rule expression against attributes given on the command line, to try rules out. */
@Command(
        name = "expr",
        sortOptions = false,
        description = {
            "Evaluates a sync-rule expression for one object built from the options and prints the result.",
            "",
            "Text output: one value per line (a multi-valued result one line per value); NULL prints nothing;"
                    + " AuthoritativeNull and IgnoreThisFlow print their names; binary is base64, dates ISO-8601 UTC.",
            "JSON output (--json): one string, number, boolean, null or array; binary is base64, dates ISO-8601,"
                    + " and NULL, AuthoritativeNull and IgnoreThisFlow are null."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  joinery expr 'Left([givenName], 1) & [sn]' --attr givenName=John --attr sn=Doe",
            "  joinery expr 'Trim([proxyAddresses])' \\",
            "      --attr 'proxyAddresses= SMTP:a@x ' --attr 'proxyAddresses=smtp:b@x'",
            "  joinery expr 'ConvertToBase64([objectGUID])' \\",
            "      --attr-b64 objectGUID=x4V0iaeB60KXxjftcwd7Hw==",
            "  joinery expr '[sAMAccountName] & \"@\" & %%Domain.FQDN%%' --json \\",
            "      --attr sAMAccountName=jdoe --param Domain.FQDN=contoso.com"
        })
public final class ExprCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<expression>", description = "The expression, e.g. 'Trim([displayName])'.")
    private String source;

    @Option(
            names = "--attr",
            paramLabel = "NAME=VALUE",
            converter = Assignment.TextConverter.class,
            description = "A string attribute. Repeat with the same NAME for a multi-valued attribute.")
    private List<Assignment> textAttributes = new ArrayList<>();

    @Option(
            names = "--attr-b64",
            paramLabel = "NAME=BASE64",
            converter = Assignment.Base64Converter.class,
            description = "A binary attribute, given in base64. Repeat with the same NAME for a multi-valued one.")
    private List<Assignment> binaryAttributes = new ArrayList<>();

    @Option(
            names = "--multi",
            paramLabel = "NAME",
            description = "Makes attribute NAME multi-valued even when it has one value (or none).")
    private Set<String> multiValued = new LinkedHashSet<>();

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUE",
            converter = Assignment.TextConverter.class,
            description = "A connector parameter, read in the expression as %%NAME%%.")
    private List<Assignment> parameters = new ArrayList<>();

    @Option(names = "--json", description = "Prints the result as one JSON value.")
    private boolean json;

    @Override
    public Integer call() {
        MapEvaluationContext context = context();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Value result;
        try {
            result = Expression.compile(source).evaluate(context);
        } catch (ExpressionSyntaxException e) {
            err.println("syntax error: " + e.getMessage());
            err.flush();
            return ExitCodes.EXPRESSION_ERROR;
        } catch (EvaluationException e) {
            err.println("evaluation error: " + e.describe(source));
            err.flush();
            return ExitCodes.EXPRESSION_ERROR;
        }
        out.print(json ? ValueOutput.json(result) : ValueOutput.text(result));
        out.flush();
        return ExitCodes.OK;
    }

    private MapEvaluationContext context() {
        MapEvaluationContext.Builder b = MapEvaluationContext.builder();
        Map<String, List<Value>> attributes = new LinkedHashMap<>();
        for (Assignment a : textAttributes) {
            attributes.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a.value());
        }
        for (Assignment a : binaryAttributes) {
            if (attributes.containsKey(a.name()) && !(attributes.get(a.name()).get(0) instanceof Value.Bin)) {
                throw usage("attribute '" + a.name() + "' is given by both --attr and --attr-b64");
            }
            attributes.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a.value());
        }
        for (String name : multiValued) {
            attributes.computeIfAbsent(name, k -> new ArrayList<>());
        }
        attributes.forEach((name, values) -> {
            if (values.size() == 1 && !multiValued.contains(name)) {
                b.attribute(name, values.get(0));
            } else {
                b.multiValued(name, values);
            }
        });
        Set<String> seen = new LinkedHashSet<>();
        for (Assignment p : parameters) {
            if (!seen.add(p.name())) {
                throw usage("parameter '" + p.name() + "' is given more than once");
            }
            b.parameter(p.name(), p.value());
        }
        return b.build();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
