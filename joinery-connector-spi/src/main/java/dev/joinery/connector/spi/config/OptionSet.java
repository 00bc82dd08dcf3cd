package dev.joinery.connector.spi.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named, ordered group of {@link Option}s: the options of one connector kind, or of one section of {@code
 * joinery.yaml}. Names are unique, and no name is a prefix of another at a dot ({@code bind} and {@code bind.dn}
 * cannot both be options), so a dotted name may be written flat ({@code bind.dn: ...}) or nested ({@code bind:}
 * then {@code dn: ...}).
 *
 * <p>Immutable and thread-safe; may not be subclassed.
 */
public final class OptionSet implements Iterable<Option<?>> {
    private final String name;
    private final List<Option<?>> options;
    private final Map<String, Option<?>> byName;
    private final Set<String> prefixes;

    private OptionSet(String name, List<Option<?>> options) {
        this.name = name;
        this.options = options;
        this.byName = new LinkedHashMap<>();
        this.prefixes = new LinkedHashSet<>();
        for (Option<?> option : options) {
            if (byName.put(option.name(), option) != null) {
                throw new IllegalArgumentException("option set " + name + " has two options named " + option.name());
            }
            String n = option.name();
            for (int dot = n.indexOf('.'); dot > 0; dot = n.indexOf('.', dot + 1)) {
                prefixes.add(n.substring(0, dot));
            }
        }
        for (String prefix : prefixes) {
            if (byName.containsKey(prefix)) {
                throw new IllegalArgumentException("option set " + name + ": option " + prefix
                        + " is also the start of other options' names (" + prefix + ".*)");
            }
        }
        for (Option<?> option : options) {
            Object d = option.defaultValue();
            if (d != null && problemOf(option, d) != null) {
                throw new IllegalArgumentException("option set " + name + ": the default of " + option.name()
                        + " is invalid: " + problemOf(option, d));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String problemOf(Option<T> option, Object value) {
        return option.problem((T) value);
    }

    /**
     * A set of {@code options} in the given order.
     *
     * @param name the connector kind ({@code ldap}) or section this set describes
     * @throws IllegalArgumentException when two options share a name, an option's name is also the prefix of
     *     another's, or a default fails its option's validator
     */
    public static OptionSet of(String name, Option<?>... options) {
        return of(name, List.of(options));
    }

    /** As {@link #of(String, Option[])}. */
    public static OptionSet of(String name, List<? extends Option<?>> options) {
        Objects.requireNonNull(name, "name");
        return new OptionSet(name, List.copyOf(options));
    }

    /** The connector kind or section name. */
    public String name() {
        return name;
    }

    /** The options in declared order; unmodifiable. */
    public List<Option<?>> options() {
        return options;
    }

    @Override
    public Iterator<Option<?>> iterator() {
        return options.iterator();
    }

    /** The option with exactly this name (case matters), if any. */
    public Optional<Option<?>> find(String optionName) {
        return Optional.ofNullable(byName.get(optionName));
    }

    /** Whether {@code option} is one of this set's options (the same definition, not only the same name). */
    public boolean contains(Option<?> option) {
        return byName.get(option.name()) == option;
    }

    /**
     * Whether some options' names start with {@code prefix} followed by a dot: {@code bind} is a section when
     * {@code bind.dn} is an option.
     */
    public boolean isSection(String prefix) {
        return prefixes.contains(prefix);
    }

    /**
     * The option or section name closest to an unknown {@code name}, for "did you mean": a name that differs
     * only in case, or by at most a few typed characters (a third of the name's length, at least two).
     */
    public Optional<String> suggest(String unknown) {
        List<String> candidates = new ArrayList<>(byName.keySet());
        candidates.addAll(prefixes);
        return closest(unknown, candidates);
    }

    /**
     * The candidate closest to {@code word} by edit distance (insertions, deletions, substitutions and swaps of
     * neighbouring letters, ignoring case), when it is close enough to be a likely typo; ties go to the earlier
     * candidate. For "did you mean" on any closed list of words (option names, connector kinds, enum values).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The name and option names, for logs: {@code ldap[host, port, bind.dn, bind.password]}. */
    @Override
    public String toString() {
        return name + byName.keySet();
    }
}
