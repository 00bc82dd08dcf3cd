package dev.joinery.app;

import dev.joinery.expr.Value;
import java.util.Base64;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One {@code NAME=VALUE} option argument, as given to {@code --attr}, {@code --attr-b64} and {@code --param}. */
record Assignment(String name, Value value) {

    /** Splits at the first {@code =}; the value may itself contain {@code =}, and may be empty. */
    static String[] split(String arg, String valueLabel) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
            throw new TypeConversionException("expected NAME=" + valueLabel + " but '" + arg + "' has no '='");
        }
        if (eq == 0) {
            throw new TypeConversionException("expected NAME=" + valueLabel + " but '" + arg + "' has no name");
        }
        return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
    }

    /** {@code NAME=text}: a string value. */
    static final class TextConverter implements ITypeConverter<Assignment> {
        @Override
        public Assignment convert(String arg) {
            String[] parts = split(arg, "VALUE");
            return new Assignment(parts[0], Value.of(parts[1]));
        }
    }

    /** {@code NAME=base64}: a binary value. */
    static final class Base64Converter implements ITypeConverter<Assignment> {
        @Override
        public Assignment convert(String arg) {
            String[] parts = split(arg, "BASE64");
            try {
                return new Assignment(
                        parts[0], Value.ofBytes(Base64.getDecoder().decode(parts[1])));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + parts[1] + "' is not base64: " + e.getMessage());
            }
        }
    }
}
