package dev.joinery.engine.rules;

import java.util.Locale;

/** Lenient matching of enum spellings: case, underscores, dashes and spaces do not matter. */
final class Names {
    private Names() {}

    static String squash(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
