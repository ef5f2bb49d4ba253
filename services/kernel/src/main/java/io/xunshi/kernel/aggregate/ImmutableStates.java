package io.xunshi.kernel.aggregate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an aggregate state can be shared between callers: a record whose every component is, recursively,
 * a value of an immutable JDK type (strings, boxed primitives, enums, {@code java.time}, {@link UUID},
 * {@link BigDecimal}), another such record, an {@link Optional} of one, or an unmodifiable JDK collection
 * ({@code List.of}, {@code List.copyOf}, {@code Stream.toList}, {@code Collections.unmodifiable…}) of them.
 * Anything else — an {@code ArrayList} that a Jackson-decoded event put in the state, an array, a class of
 * unknown mutability — makes the state unshareable, and {@link StateCache} does not keep it.
 */
final class ImmutableStates {

    private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, UUID.class, BigDecimal.class,
            BigInteger.class);

    /** Per record class: the accessors of the components whose declared type is not a value type. */
    private static final Map<Class<?>, Method[]> TO_CHECK = new ConcurrentHashMap<>();

    private ImmutableStates() {
    }

    static boolean isImmutable(Object value) {
        if (value == null) {
            return true;
        }
        Class<?> type = value.getClass();
        if (isValueType(type)) {
            return true;
        }
        if (type.isRecord()) {
            for (Method accessor : TO_CHECK.computeIfAbsent(type, ImmutableStates::accessorsToCheck)) {
                if (!isImmutable(read(accessor, value))) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Optional<?> optional) {
            return optional.isEmpty() || isImmutable(optional.get());
        }
        if (value instanceof Collection<?> collection) {
            return isUnmodifiable(type) && collection.stream().allMatch(ImmutableStates::isImmutable);
        }
        if (value instanceof Map<?, ?> map) {
            return isUnmodifiable(type) && map.entrySet().stream()
                    .allMatch(e -> isImmutable(e.getKey()) && isImmutable(e.getValue()));
        }
        return false;
    }

    private static boolean isValueType(Class<?> type) {
        return type.isPrimitive() || VALUE_TYPES.contains(type) || Enum.class.isAssignableFrom(type)
                || (type.getPackageName().equals("java.time") && Modifier.isFinal(type.getModifiers()));
    }

    private static boolean isUnmodifiable(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.util.ImmutableCollections$")
                || name.startsWith("java.util.Collections$Unmodifiable")
                || name.startsWith("java.util.Collections$Empty") || name.startsWith("java.util.Collections$Singleton");
    }

    private static Method[] accessorsToCheck(Class<?> recordClass) {
        RecordComponent[] components = recordClass.getRecordComponents();
        return Arrays.stream(components).filter(c -> !isValueType(c.getType())).map(c -> {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor;
        }).toArray(Method[]::new);
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor + " of " + record.getClass().getName(), e);
        }
    }
}
