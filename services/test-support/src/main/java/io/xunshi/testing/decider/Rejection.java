package io.xunshi.testing.decider;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A domain rejection as the harness compares it: its kind ({@code ILLEGAL_STATE}, {@code INVALID},
 * {@code NOT_FOUND}), its code, and for an invalid command the request field at fault and the ids at fault
 * (empty when the rule is not about some of a list's ids).
 *
 * <p>Test support sits below the kernel in the build (the kernel's own tests use it), so it cannot name the
 * kernel's {@code DomainRejection}: it reads the rejection through that class's public accessors
 * {@code kind()}, {@code code()}, {@code field()} and {@code ids()}. The kernel's {@code ExhaustiveDeciderTest} runs this
 * harness on the kernel's real rejections, so renaming an accessor fails the kernel's build, not a service's.
 */
public record Rejection(String kind, String code, String field, List<String> ids, String message) {

    public static final String ILLEGAL_STATE = "ILLEGAL_STATE";
    public static final String INVALID = "INVALID";
    public static final String NOT_FOUND = "NOT_FOUND";

    /** The rejection {@code failure} is, or null when it is some other exception (a bug, not a refusal). */
    static Rejection of(Throwable failure) {
        Object kind = accessor(failure, "kind");
        Object code = accessor(failure, "code");
        if (kind == null || !(code instanceof String)) {
            return null;
        }
        Object field = accessor(failure, "field");
        List<String> ids = new ArrayList<>();
        if (accessor(failure, "ids") instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        return new Rejection(kind.toString(), (String) code, field instanceof String f ? f : null, List.copyOf(ids),
                failure.getMessage());
    }

    private static Object accessor(Throwable failure, String name) {
        try {
            Method method = failure.getClass().getMethod(name);
            return method.invoke(failure);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the rejection's " + name + "() failed", e.getCause());
        }
    }

    @Override
    public String toString() {
        return kind + " '" + code + "'" + (field == null ? "" : " on field '" + field + "'")
                + (ids.isEmpty() ? "" : " " + ids) + ": " + message;
    }
}
