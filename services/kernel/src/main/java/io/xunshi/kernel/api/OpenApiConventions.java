package io.xunshi.kernel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes the platform's API conventions (docs/adr/0005-api-conventions.md) into every service's OpenAPI
 * document once, so that no resource lists them per operation and a generated client knows every answer it
 * can get. Registered for every service by {@code mp.openapi.filter} in the kernel's
 * {@code META-INF/microprofile-config.properties}, which each service reads from the kernel jar at build time.
 *
 * <p>It adds to the components the {@code Problem} schema (RFC 9457, the fields of {@link Problem}, with
 * {@code ProblemFieldError} for its {@code errors}), the headers {@code ETag}, {@code Location},
 * {@code Idempotent-Replayed}, {@code Retry-After} and {@code WWW-Authenticate}, and one
 * {@code application/problem+json} response per error status. Then, per operation, it derives from what the
 * document already says about the operation:
 * <ul>
 * <li>A <b>command</b> is a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that takes an
 * {@code Idempotency-Key} header parameter ({@link IdempotentCommands#HEADER}): every command of the
 * platform goes through {@link IdempotentCommands}, and nothing else takes the key. A <b>conditional</b>
 * command also takes {@code If-Match}.</li>
 * <li>Errors, each answered with the {@code Problem} schema: 400 (malformed: any request, since a NUL in any
 * header is refused, see {@link RequestHygiene}), 401 (with {@code WWW-Authenticate}) and 403 for every
 * operation with a security requirement, 404 for an operation with a path parameter, 406 for every operation
 * (an {@code Accept} without JSON), 409 for commands (an illegal transition, or a concurrent change),
 * 412 for conditional commands (a stale {@code If-Match}), 413 and 415 for operations with a request body,
 * 422 for commands (an {@code Idempotency-Key} reused with another request), operations with a request body
 * (Bean Validation) and operations with a {@code limit} parameter ({@link Cursor#limit}), 500 and 503 (with
 * {@code Retry-After}) for every operation: each reads or writes the database or the broker. A status the
 * operation declares itself (say 422 for a validated query parameter, 429) keeps its description and gets
 * the problem content.</li>
 * <li>Success headers: {@code Location} on a 201, {@code ETag} where the answer is an aggregate — a 201, a
 * conditional command's answer, and an operation that says so with the extension {@value #ETAG_EXTENSION}
 * (a read of one aggregate; the filter removes the extension, from the responses too) — and {@code Idempotent-Replayed} on every
 * command's success.</li>
 * <li>The {@code Idempotency-Key} and {@code If-Match} parameters get a description and a schema where the
 * resource gave none.</li>
 * </ul>
 * The responses SmallRye adds on its own (401 "Not Authorized", 403 "Not Allowed", 400 "Bad Request") are
 * replaced by the kernel's.
 */
public class OpenApiConventions implements OASFilter {

    /** On an operation, {@code "true"}: its success answers one aggregate with its version as {@code ETag}. */
    public static final String ETAG_EXTENSION = "x-xunshi-etag";

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String IF_MATCH = "If-Match";
    static final String RETRY_AFTER = "Retry-After";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SMALLRYE_DEFAULTS = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    /** The kernel's error responses: status → component name and description. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[]{ "MalformedRequest", "Malformed request: a body that is not JSON or has the"
                + " wrong shape or an unknown field, a malformed header, path id, query parameter or cursor, or a"
                + " NUL character in the path, a query parameter or a header (type urn:xunshi:problem:malformed-request)" });
        ERRORS.put("401", new String[]{ "Unauthenticated", "No bearer token, or one that is expired or not signed by"
                + " a trusted issuer (urn:xunshi:problem:unauthenticated)" });
        ERRORS.put("403", new String[]{ "Forbidden", "The caller's role does not allow this operation, or it writes"
                + " outside the caller's jurisdiction subtree (urn:xunshi:problem:forbidden)" });
        ERRORS.put("404", new String[]{ "NotFound", "No such resource, or one outside the caller's jurisdiction"
                + " subtree, which is hidden exactly as an unknown id is (urn:xunshi:problem:not-found)" });
        ERRORS.put("406", new String[]{ "NotAcceptable", "The Accept header admits neither application/json nor"
                + " application/problem+json (urn:xunshi:problem:not-acceptable)" });
        ERRORS.put("409", new String[]{ "Conflict", "Not allowed in the resource's current state, with a stable"
                + " code (urn:xunshi:problem:illegal-state), or a concurrent change"
                + " (urn:xunshi:problem:version-conflict)" });
        ERRORS.put("412", new String[]{ "PreconditionFailed", "If-Match names a version that is no longer the"
                + " current one (urn:xunshi:problem:precondition-failed): read the resource again" });
        ERRORS.put("413", new String[]{ "PayloadTooLarge", "The body is larger than 1 MiB"
                + " (urn:xunshi:problem:payload-too-large)" });
        ERRORS.put("415", new String[]{ "UnsupportedMediaType", "The body is not sent as application/json"
                + " (urn:xunshi:problem:unsupported-media-type)" });
        ERRORS.put("422", new String[]{ "ValidationFailed", "The request is well-formed but not acceptable: invalid"
                + " fields listed under errors (urn:xunshi:problem:validation-failed), an Idempotency-Key reused"
                + " with a different request (urn:xunshi:problem:idempotency-key-reused), or a dead letter whose"
                + " re-drive failed again (urn:xunshi:problem:redrive-failed)" });
        ERRORS.put("429", new String[]{ "TooManyRequests", "Too many requests just now; try again later"
                + " (urn:xunshi:problem:too-many-requests)" });
        ERRORS.put("500", new String[]{ "InternalError", "An unexpected failure; the detail gives a reference to"
                + " the service's log line (urn:xunshi:problem:internal-error)" });
        ERRORS.put("503", new String[]{ "Unavailable", "The service cannot reach its database or broker just now"
                + " (urn:xunshi:problem:unavailable): retry after Retry-After seconds, with the same Idempotency-Key" });
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        addComponents(components);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> used = new java.util.HashSet<>();
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations()
                .forEach((method, operation) -> describe(method, operation, used)));
        // Only what some operation refers to stays (a document without any 201 needs no Location header).
        for (String[] named : ERRORS.values()) {
            if (!used.contains(named[0])) {
                components.removeResponse(named[0]);
            }
        }
        for (String header : List.of("ETag", "Location", componentName(IdempotentCommands.REPLAYED))) {
            if (!used.contains(header)) {
                components.removeHeader(header);
            }
        }
        if (!used.contains("Unavailable")) {
            components.removeHeader(componentName(RETRY_AFTER));
        }
        if (!used.contains("Unauthenticated")) {
            components.removeHeader(componentName(WWW_AUTHENTICATE));
        }
    }

    private static void describe(PathItem.HttpMethod method, Operation operation, Set<String> used) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean command = WRITES.contains(method.name()) && hasHeader(parameters, IdempotentCommands.HEADER);
        boolean conditional = command && hasHeader(parameters, IF_MATCH);
        boolean body = operation.getRequestBody() != null;
        boolean pathParameter = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean limit = parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "limit".equals(p.getName()));
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean etag = "true".equals(String.valueOf(extension(operation, ETAG_EXTENSION)));
        if (operation.getExtensions() != null) {
            operation.removeExtension(ETAG_EXTENSION);
        }

        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER
                    && IdempotentCommands.HEADER.equalsIgnoreCase(parameter.getName())) {
                complete(parameter, "Makes a retry return the first answer (marked Idempotent-Replayed: true) instead"
                        + " of acting twice; the same key with a different request is 422. 1 to 200 visible ASCII"
                        + " characters, scoped to the caller.");
            } else if (parameter.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(parameter.getName())) {
                complete(parameter, "The ETag of the version the change is meant for, e.g. \"3\": the command is"
                        + " refused with 412 if the resource has changed since. Without it the change applies to the"
                        + " current version.");
            }
        }

        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // SmallRye also copies an operation's extensions onto the responses it declares.
        responses.getAPIResponses().values().stream().filter(r -> r.getExtensions() != null)
                .forEach(r -> r.removeExtension(ETAG_EXTENSION));
        for (Map.Entry<String, APIResponse> success : successes(responses).entrySet()) {
            boolean created = "201".equals(success.getKey());
            if (created) {
                header(success.getValue(), "Location", used);
            }
            if (created || conditional || etag) {
                header(success.getValue(), "ETag", used);
            }
            if (command) {
                header(success.getValue(), IdempotentCommands.REPLAYED, used);
            }
        }

        Set<String> statuses = new java.util.LinkedHashSet<>();
        statuses.add("400");
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (pathParameter) {
            statuses.add("404");
        }
        statuses.add("406");
        if (command) {
            statuses.add("409");
        }
        if (conditional) {
            statuses.add("412");
        }
        if (body) {
            statuses.add("413");
            statuses.add("415");
        }
        if (command || body || limit) {
            statuses.add("422");
        }
        statuses.add("500");
        statuses.add("503");
        // What the operation declared itself (say 429, or 422 for a validated parameter) is kept and completed.
        responses.getAPIResponses().keySet().stream().filter(OpenApiConventions::isError).forEach(statuses::add);

        Map<String, APIResponse> ordered = new TreeMap<>(responses.getAPIResponses());
        for (String status : statuses) {
            APIResponse declared = ordered.get(status);
            if (declared == null || declared.getRef() == null && declared.getContent() == null
                    && SMALLRYE_DEFAULTS.contains(declared.getDescription())) {
                if (ERRORS.containsKey(status)) {
                    used.add(ERRORS.get(status)[0]);
                    ordered.put(status, OASFactory.createAPIResponse().ref(ERRORS.get(status)[0]));
                } else {
                    ordered.put(status, problemResponse(null));
                }
            } else if (declared.getRef() == null && declared.getContent() == null) {
                APIResponse completed = problemResponse(ERRORS.containsKey(status) ? status : null);
                if ("503".equals(status)) {
                    used.add("Unavailable");
                } else if ("401".equals(status)) {
                    used.add("Unauthenticated");
                }
                completed.setDescription(declared.getDescription());
                ordered.put(status, completed);
            }
        }
        responses.setAPIResponses(ordered);
    }

    private static Object extension(Operation operation, String name) {
        return operation.getExtensions() == null ? null : operation.getExtensions().get(name);
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
    }

    private static Map<String, APIResponse> successes(APIResponses responses) {
        Map<String, APIResponse> out = new LinkedHashMap<>();
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getRef() == null) {
                out.put(status, response);
            }
        });
        return out;
    }

    private static void complete(Parameter parameter, String description) {
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            parameter.setDescription(description);
        }
        if (parameter.getSchema() == null) {
            parameter.setSchema(string());
        }
    }

    private static void header(APIResponse response, String name, Set<String> used) {
        used.add(componentName(name));
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(componentName(name)));
        }
    }

    /** Header components are named without the dash: {@code IdempotentReplayed}, {@code RetryAfter}. */
    private static String componentName(String header) {
        return header.replace("-", "");
    }

    private static APIResponse problemResponse(String status) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(status == null ? "An error, as a problem" : ERRORS.get(status)[1])
                .content(problemContent());
        if ("503".equals(status)) {
            response.addHeader(RETRY_AFTER, OASFactory.createHeader().ref(componentName(RETRY_AFTER)));
        } else if ("401".equals(status)) {
            response.addHeader(WWW_AUTHENTICATE, OASFactory.createHeader().ref(componentName(WWW_AUTHENTICATE)));
        }
        return response;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static void addComponents(Components components) {
        components.addSchema(FIELD_ERROR, OASFactory.createSchema()
                .description("One offending field of a request")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string().description("Where it is, as a JSON path (name, address.city,"
                        + " members[2].name), or the query parameter or header"))
                .addProperty("message", string().description("What is wrong with it"))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema()
                .description("An RFC 9457 problem detail: what every error of the platform answers, as"
                        + " application/problem+json. Clients branch on type (and code), never on title or detail.")
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("type", string().format("uri").description("The kind of error, stable:"
                        + " urn:xunshi:problem:<kind>").examples(List.of("urn:xunshi:problem:validation-failed")))
                .addProperty("title", string().description("A short summary of the kind, the same for every"
                        + " problem of the type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string().description("What went wrong with this request, in words"))
                .addProperty("instance", string().description("The path of the request that failed"))
                .addProperty("code", string().description("The domain's stable code of a rejection, e.g."
                        + " tasks-still-open, where the domain gives one"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("The offending fields, for a malformed or invalid request")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR)))
                .required(List.of("type", "title", "status")));

        components.addHeader("ETag", stringHeader("The version of the aggregate answered, as an entity tag such as"
                + " \"3\": send it as If-Match to refuse a stale change"));
        components.addHeader("Location", stringHeader("The path of the resource created"));
        components.addHeader(componentName(IdempotentCommands.REPLAYED), stringHeader("true when this is the first"
                + " answer to the same Idempotency-Key, replayed: the command was not carried out again"));
        components.addHeader(componentName(RETRY_AFTER), OASFactory.createHeader()
                .description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")));
        components.addHeader(componentName(WWW_AUTHENTICATE), stringHeader("Bearer: the scheme to authenticate with"));

        Map<String, APIResponse> responses = new LinkedHashMap<>();
        ERRORS.forEach((status, named) -> responses.put(named[0], problemResponse(status)));
        Map<String, APIResponse> existing = components.getResponses() == null ? Map.of() : components.getResponses();
        Map<String, APIResponse> all = new TreeMap<>(existing);
        all.putAll(responses);
        components.setResponses(new LinkedHashMap<>(all));
    }

    private static Header stringHeader(String description) {
        return OASFactory.createHeader().description(description).schema(string());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
