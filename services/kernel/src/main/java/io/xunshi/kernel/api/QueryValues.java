package io.xunshi.kernel.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading optional query parameters the same way in every resource: blank is absent, enums by name. */
public final class QueryValues {

    private QueryValues() {
    }

    /** The parameter stripped, or null when it is absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The constant of {@code type} the parameter {@code field} names (any case), null when absent or blank, a 422
     * naming the field and the allowed values otherwise.
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = names(type);
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, field + " must be one of " + allowed)
                    .withErrors(List.of(new Problem.FieldError(field, "must be one of " + allowed))));
        }
    }

    /** The constants of {@code type}, as a sentence lists them: {@code A, B or C}. */
    public static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
