package io.xunshi.testing.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * How the matrix calls one operation of a service: a resource at a known jurisdiction, what kind of access
 * the operation is, and a valid request for it. A service's fixture gives at least one probe per operation
 * of its published document; a probe's call seeds what it needs the first time it runs, so that declaring
 * the probes costs nothing.
 *
 * <p>The kind decides, once for every operation, what a caller gets at each {@link Position} (see
 * {@link AccessRule}): a caller beside or below the resource's jurisdiction gets 404 for a resource it
 * addresses (it is hidden, as an unknown id is), 403 for a write into or a list filtered to a jurisdiction
 * outside its subtree, and a view (list, count, roll-up) of its own subtree without the resource in it.
 */
public final class Probe {

    /** What kind of access an operation is, which decides the answer outside the caller's subtree. */
    public enum Kind {
        /** Reads or acts on one resource addressed by its path: hidden (404) outside the caller's subtree. */
        RESOURCE,
        /** Creates or imports into the jurisdiction its request names: 403 outside the caller's subtree. */
        CREATE,
        /** A list narrowed by a query parameter to the resource's jurisdiction: 403 outside the subtree. */
        FILTERED_LIST,
        /**
         * A list, count or roll-up of the caller's own subtree: it always answers, and includes the
         * resource exactly when the caller's subtree holds it.
         */
        VIEW,
        /** Open to every role the document names, wherever the caller is (reference data). */
        OPEN
    }

    /**
     * Sends one request, made from {@code request} (a fresh request with the caller's token each time it is
     * asked for); {@code callerHome} is the caller's home jurisdiction, for views of its own subtree.
     */
    @FunctionalInterface
    public interface Call {

        Response send(Supplier<RequestSpecification> request, String callerHome);
    }

    /** Whether a view's answer includes the resource; {@code request} reads further pages as the caller. */
    @FunctionalInterface
    public interface Includes {

        boolean test(Response first, Supplier<RequestSpecification> request);
    }

    /** The most pages a list view reads before deciding that the resource is not in it. */
    static final int MAX_PAGES = 100;

    private final Kind kind;
    private final String jurisdiction;
    private final Call call;
    private final Includes includes;
    private final Map<String, Optional<String>> sides = new LinkedHashMap<>();
    private final java.util.Set<String> refused = new java.util.LinkedHashSet<>();
    private String description = "";
    /** The organisation the callers act for ({@code organisation} claim), or null for none. */
    private java.util.function.Supplier<String> organisation = () -> null;

    private Probe(Kind kind, String jurisdiction, Call call, Includes includes) {
        this.kind = Objects.requireNonNull(kind);
        this.jurisdiction = Objects.requireNonNull(jurisdiction);
        this.call = Objects.requireNonNull(call);
        this.includes = includes;
    }

    /** An operation on one resource of {@code jurisdiction}, addressed by its path. */
    public static Probe resource(String jurisdiction, Call call) {
        return new Probe(Kind.RESOURCE, jurisdiction, call, null);
    }

    /** A write whose request names {@code jurisdiction} as where the new resource belongs. */
    public static Probe create(String jurisdiction, Call call) {
        return new Probe(Kind.CREATE, jurisdiction, call, null);
    }

    /** A list narrowed to {@code jurisdiction} by a query parameter. */
    public static Probe filteredList(String jurisdiction, Call call) {
        return new Probe(Kind.FILTERED_LIST, jurisdiction, call, null);
    }

    /**
     * A view of the caller's own subtree (a list, a count, a roll-up), and how to tell whether a response
     * includes the resource of {@code jurisdiction}.
     */
    public static Probe view(String jurisdiction, Call call, Predicate<Response> includes) {
        Objects.requireNonNull(includes);
        return new Probe(Kind.VIEW, jurisdiction, call, (first, request) -> includes.test(first));
    }

    /**
     * A paged list of the caller's own subtree ({@code items} and a {@code next} cursor, as every list of
     * the platform has): it includes the resource when an item's {@code idField} is {@code id}, on any page.
     */
    public static Probe list(String jurisdiction, String path, Map<String, ?> query, String idField,
            Supplier<String> id) {
        return list(jurisdiction, path, () -> query, idField, id);
    }

    /** The same, with query parameters known only once the resource is seeded (after {@code id}). */
    public static Probe list(String jurisdiction, String path, Supplier<Map<String, ?>> filters, String idField,
            Supplier<String> id) {
        Call call = (request, home) -> {
            id.get(); // seeds the resource before the list is read
            return request.get().queryParams(filters.get()).queryParam("limit", 200).get(path);
        };
        Includes includes = (first, request) -> {
            String wanted = id.get();
            Response page = first;
            for (int i = 0; i < MAX_PAGES; i++) {
                if (page.jsonPath().getList("items." + idField).contains(wanted)) {
                    return true;
                }
                String next = page.jsonPath().getString("next");
                if (next == null) {
                    return false;
                }
                page = request.get().queryParams(filters.get()).queryParam("limit", 200).queryParam("cursor", next)
                        .get(path);
                if (page.statusCode() != 200) {
                    throw new AssertionError("page " + (i + 2) + " of " + path + " answered " + page.statusCode());
                }
            }
            throw new AssertionError(path + " has more than " + MAX_PAGES + " pages of 200");
        };
        return new Probe(Kind.VIEW, jurisdiction, call, includes);
    }

    /** An operation open to its roles anywhere; {@code jurisdiction} places the callers. */
    public static Probe open(String jurisdiction, Call call) {
        return new Probe(Kind.OPEN, jurisdiction, call, null);
    }

    /**
     * For a resource with more than one side: {@code role} acts on it as a party of {@code side}, so its
     * positions are taken relative to that jurisdiction instead.
     */
    public Probe side(String role, String side) {
        sides.put(role, Optional.of(side));
        return this;
    }

    /**
     * Roles the document admits but that have no side of this resource: it does not exist for them, at any
     * position (404, or absent from a view).
     */
    public Probe hiddenFrom(String... roles) {
        for (String role : roles) {
            sides.put(role, Optional.empty());
        }
        return this;
    }

    /**
     * Roles the document admits that see the resource but may not act on it, for a reason of the resource's own
     * (a team member on another team's inspection): 403 where the resource is in their subtree, 404 where it
     * is not, as for everyone.
     */
    public Probe refusedTo(String... roles) {
        refused.addAll(List.of(roles));
        return this;
    }

    /** Whether the resource refuses {@code role} although it can see it ({@link #refusedTo}). */
    public boolean refuses(String role) {
        return refused.contains(role);
    }

    /**
     * Every caller of the probe acts for this organisation (the token's {@code organisation} claim), e.g. the
     * organisation a rectification case belongs to, so that its owners act as its own.
     */
    public Probe actingFor(java.util.function.Supplier<String> organisation) {
        this.organisation = Objects.requireNonNull(organisation);
        return this;
    }

    /** The organisation the callers act for, or null. */
    public String organisation() {
        return organisation.get();
    }

    /** What the resource is, for the published table. */
    public Probe described(String text) {
        this.description = Objects.requireNonNull(text);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String description() {
        return description;
    }

    /** The jurisdiction {@code role} acts for, or empty when the resource is hidden from that role. */
    public Optional<String> sideOf(String role) {
        return sides.getOrDefault(role, Optional.of(jurisdiction));
    }

    Map<String, Optional<String>> sides() {
        return sides;
    }

    Response send(Supplier<RequestSpecification> request, String callerHome) {
        return call.send(request, callerHome);
    }

    boolean includes(Response response, Supplier<RequestSpecification> request) {
        return includes.test(response, request);
    }
}
