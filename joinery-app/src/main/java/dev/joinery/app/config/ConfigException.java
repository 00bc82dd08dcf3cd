package dev.joinery.app.config;

import java.util.List;
import java.util.stream.Collectors;

/** {@code joinery.yaml} cannot be used: every problem found in it, in file order. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted(ConfigProblem.IN_FILE_ORDER).toList();
    }

    /** The problems, at least one, ordered by line and column. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
