package io.xunshi.kernel.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handler of each concrete type of a sealed hierarchy, found by the value's class. Built from handlers
 * declared for types of the hierarchy, it reports every leaf type left without a handler, every leaf handled
 * twice and every declared type outside the hierarchy. The leaves are the permitted subclasses, followed
 * recursively through sealed sub-interfaces and classes; a root that is not sealed is its own only leaf.
 */
final class Dispatch<T, H> {

    /** A handler declared for one type of the hierarchy (a leaf, or a sealed node and so all leaves below it). */
    record Declared<H>(Class<?> type, H handler) {
    }

    private final Map<Class<?>, H> byLeaf;
    private final Map<Class<?>, H> bySubclass = new ConcurrentHashMap<>();

    Dispatch(Class<T> root, List<Declared<H>> declared, String verb, List<String> problems) {
        Set<Class<?>> nodes = new LinkedHashSet<>();
        List<Class<?>> leaves = new ArrayList<>();
        walk(root, nodes, leaves);
        Map<Class<?>, H> handlers = new LinkedHashMap<>();
        Map<Class<?>, Class<?>> declaredFor = new LinkedHashMap<>();
        for (Declared<H> d : declared) {
            if (!nodes.contains(d.type())) {
                problems.add(verb + " handler for " + name(d.type()) + ", which is not a type of " + name(root));
                continue;
            }
            for (Class<?> leaf : leaves) {
                if (!d.type().isAssignableFrom(leaf)) {
                    continue;
                }
                Class<?> earlier = declaredFor.putIfAbsent(leaf, d.type());
                if (earlier != null) {
                    problems.add(name(leaf) + " has two " + verb + " handlers (declared for " + name(earlier)
                            + " and for " + name(d.type()) + ")");
                } else {
                    handlers.put(leaf, d.handler());
                }
            }
        }
        for (Class<?> leaf : leaves) {
            if (!declaredFor.containsKey(leaf)) {
                problems.add("no " + verb + " handler for " + name(leaf));
            }
        }
        this.byLeaf = Map.copyOf(handlers);
    }

    /** The handler of {@code value}'s type. */
    H handlerOf(T value) {
        Class<?> type = value.getClass();
        H handler = byLeaf.get(type);
        return handler != null ? handler : bySubclass.computeIfAbsent(type, this::ofSubclass);
    }

    /** A value of a subclass of a leaf that is not final (non-sealed, or an enum constant with a body). */
    private H ofSubclass(Class<?> type) {
        for (Map.Entry<Class<?>, H> leaf : byLeaf.entrySet()) {
            if (leaf.getKey().isAssignableFrom(type)) {
                return leaf.getValue();
            }
        }
        throw new IllegalArgumentException("no handler for " + type.getName());
    }

    private static void walk(Class<?> type, Set<Class<?>> nodes, List<Class<?>> leaves) {
        if (!nodes.add(type)) {
            return;
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            leaves.add(type);
            return;
        }
        for (Class<?> sub : permitted) {
            walk(sub, nodes, leaves);
        }
    }

    static String name(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : name(enclosing) + "." + type.getSimpleName();
    }
}
