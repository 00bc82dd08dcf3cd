package dev.joinery.expr.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions listed in Appendix B of aadc-semantics-notes.md, read from the notes: the 35 numbered ones
 * of the 2016 export, and the complete ones of the newer export (without the elided "…" one and the truncated
 * community example).
 */
final class AppendixB {
    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\. `(.*)`$", Pattern.MULTILINE);
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern FENCE = Pattern.compile("```\\n(.*?)\\n\\s*```", Pattern.DOTALL);

    private AppendixB() {}

    static List<String> numbered() {
        String text = section();
        List<String> out = new ArrayList<>();
        Matcher m = NUMBERED.matcher(text.substring(0, text.indexOf("Additional expressions")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<String> newer() {
        String text = section();
        String additional = text.substring(text.indexOf("Additional expressions"));
        List<String> out = new ArrayList<>();
        Matcher fence = FENCE.matcher(additional);
        while (fence.find()) {
            out.add(fence.group(1));
        }
        Matcher span = SPAN.matcher(FENCE.matcher(additional).replaceAll(""));
        while (span.find()) {
            String x = span.group(1);
            if (x.matches("[A-Za-z]+\\(.*\\)") && !x.contains("…") && balanced(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static boolean balanced(String x) {
        int depth = 0;
        for (char c : x.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth == 0;
    }

    private static String section() {
        try {
            String notes = Files.readString(
                    SharedReference.root().resolve("reference/aadc-semantics-notes.md"), StandardCharsets.UTF_8);
            return notes.substring(notes.indexOf("## Appendix B"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
