package io.xunshi.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.xunshi.testing.fuzz.OpenApiDocument.Operation;
import io.xunshi.testing.fuzz.OpenApiDocument.Parameter;

/**
 * Derives requests from an operation's schema, deterministically from one {@link Random}: a valid request
 * first (hints give values the schema cannot, such as ids that exist), then one mutation of it. Mutations
 * that make the request invalid whatever its other parts hold are marked must-reject.
 */
final class RequestFactory {

    static final int MIB = 1024 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    /** Strings that must never break a service, though it may accept some of them. */
    private static final List<String> NASTY = List.of("\u0000", "a\u0000b", "\u0001\u0002\u0003", "\u001b[31m",
            "\u007f",
            "\u2028\u2029", "\ufeff", "\ud800", "\udc00", "x\ud83dy", "\u202eevil", "\u200d\u200b", "😀😀", "e\u0301",
            "\\", "\"", "'; DROP TABLE events; --", "${jndi:ldap://127.0.0.1/x}", "%00", "../../etc/passwd", "<script>",
            "\t\r\n", " ", "", "null", "巡视".repeat(50), "🀄".repeat(10));
    /** Percent-encoded path segments and query values that name nothing, some not even valid text. */
    private static final List<String> BAD_RAW = List.of("%00", "abc%00", "%00%00%00", "%01", "%0A", "%0D%0A", "%7F",
            "%1F", "%C3%28", "%FF%FE", "%ED%A0%80", "%E2%80%AE", "%20", "%2F", "..", "%2E%2E", "-1", "0",
            "99999999999999999999", "null", "undefined", "%27%20OR%201%3D1%20--", "%24%7Bjndi%7D",
            "%E5%B7%A1%E8%A7%86", "%F0%9F%98%80", "a".repeat(2000), "%25", "%2500", "true", "%5B%5D", "%7B%7D");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10",
            "2026-3-2", "20260302", "02/03/2026", "tomorrow", "0000-00-00", "2026-03-02T10:00:00", "+99999-01-01",
            "-2026-01-01", "2026-03-32", "");
    private static final List<String> BAD_INSTANTS = List.of("2026-02-30T00:00:00Z", "2026-03-02T25:00:00Z",
            "2026-03-02", "yesterday", "+999999999-12-31T23:59:59Z", "2026-03-02T10:00:00+25:00", "1700000000",
            "2026-03-02T10:00:00", "%00", "2026-03-02T10:00:00Z%00");
    private static final List<String> BAD_LIMITS = List.of("-1", "0", "201", "1000000", "2147483648",
            "-2147483649", "abc", "1.5", "1e3", "", "%00", "0x10", "%2B5", "%20%2050", "NaN", "Infinity",
            "99999999999999999999999");
    private static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "not json", "{'a':1}", "{\"a\" 1}",
            "[", "\u0000", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\\u\"}", "{\"a\":tru}", "{\"a\":01}", "{,}",
            "{\"a\":1,,}", "{\"a\":NaN}", "\"unterminated", "{\"a\":[1,2}");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "foo/bar", "text/html; charset=utf-8");

    private final Random random;
    private final Map<String, List<Object>> hints;
    private final Set<String> allRoles;
    private final FuzzTokens tokens;

    RequestFactory(Random random, Map<String, List<Object>> hints, Set<String> allRoles, FuzzTokens tokens) {
        this.random = random;
        this.hints = hints;
        this.allRoles = allRoles;
        this.tokens = tokens;
    }

    // ---------------------------------------------------------------- valid requests

    /** A valid request of the operation, as far as hints and schema let it be, in pieces that mutations change. */
    final class Draft {

        final Operation op;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String method;
        JsonNode body;
        byte[] rawBody;
        boolean chunked;
        int expectedStatus;

        Draft(Operation op) {
            this.op = op;
            this.method = op.method();
            for (Parameter p : op.parameters()) {
                switch (p.in()) {
                    case "path" -> path.put(p.name(), encode(text(valid(op, p.name(), p.schema()))));
                    case "query" -> {
                        if (p.required() || (!p.name().equals("cursor") && random.nextInt(4) == 0)) {
                            query.put(p.name(),
                                    new ArrayList<>(List.of(encode(text(valid(op, p.name(), p.schema()))))));
                        }
                    }
                    case "header" -> {
                        if (p.name().equalsIgnoreCase("Idempotency-Key")) {
                            headers.put(p.name(), "fuzz-" + new UUID(random.nextLong(), random.nextLong()));
                        } else if (p.required()) {
                            headers.put(p.name(), text(valid(op, p.name(), p.schema())));
                        }
                    }
                    default -> {
                    }
                }
            }
            headers.put("Authorization", tokens.valid(op));
            headers.put("Accept", "application/json");
            if (op.body() != null) {
                body = valid(op, "body", op.body());
                headers.put("Content-Type", "application/json");
            }
        }

        FuzzRequest build(String mutation, boolean mustReject) {
            StringBuilder target = new StringBuilder();
            var matcher = TEMPLATE.matcher(op.path());
            int last = 0;
            while (matcher.find()) {
                target.append(op.path(), last, matcher.start()).append(path.getOrDefault(matcher.group(1), "x"));
                last = matcher.end();
            }
            target.append(op.path().substring(last));
            String separator = "?";
            for (var q : query.entrySet()) {
                for (String value : q.getValue()) {
                    target.append(separator).append(encode(q.getKey())).append('=').append(value);
                    separator = "&";
                }
            }
            byte[] bytes = rawBody != null
                    ? rawBody
                    : body == null ? null : json(body).getBytes(StandardCharsets.UTF_8);
            Map<String, String> sent = new LinkedHashMap<>();
            headers.forEach((k, v) -> {
                if (v != null) {
                    sent.put(k, v);
                }
            });
            return new FuzzRequest(op.id(), mutation, mustReject, method, target.toString(), sent, bytes, chunked,
                    expectedStatus);
        }
    }

    Draft draft(Operation op) {
        return new Draft(op);
    }

    JsonNode valid(Operation op, String name, JsonNode schema) {
        List<Object> hinted = hints.get(op.id() + "." + name);
        if (hinted == null) {
            hinted = hints.get(name);
        }
        if (hinted != null && !hinted.isEmpty()) {
            return JSON.valueToTree(hinted.get(random.nextInt(hinted.size())));
        }
        if (schema == null || schema.isMissingNode()) {
            return TextNode.valueOf("x");
        }
        JsonNode values = schema.path("enum");
        if (values.isArray() && values.size() > 0) {
            return values.get(random.nextInt(values.size()));
        }
        JsonNode examples = schema.path("examples");
        if (examples.isArray() && examples.size() > 0 && random.nextInt(3) > 0) {
            return examples.get(random.nextInt(examples.size()));
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode out = NODES.objectNode();
                Set<String> required = required(schema);
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    var property = properties.next();
                    if (required.contains(property.getKey()) || random.nextBoolean()) {
                        out.set(property.getKey(), valid(op, property.getKey(), property.getValue()));
                    }
                }
                return out;
            }
            case "array" -> {
                ArrayNode out = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int count = Math.max(min, random.nextInt(3));
                String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
                for (int i = 0; i < count; i++) {
                    out.add(valid(op, itemName, schema.path("items")));
                }
                return out;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(1);
                long max = schema.path("maximum").asLong(Math.max(min, 100));
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min + 1)));
            }
            case "number" -> {
                return NODES.numberNode(random.nextInt(1000) / 10.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                String format = schema.path("format").asText("");
                if (format.equals("date")) {
                    return TextNode.valueOf(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).toString());
                }
                if (format.equals("date-time")) {
                    return TextNode.valueOf("2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                            + "T08:00:00Z");
                }
                String pattern = schema.path("pattern").asText("");
                if (pattern.contains("\\d{6}")) {
                    return TextNode.valueOf(List.of("330000", "330100", "000000").get(random.nextInt(3)));
                }
                int max = schema.path("maxLength").asInt(60);
                String text = List.of("巡视工作", "浙江省委第一巡视组", "杭州市交通运输局", "谈话记录 12", "fuzz " + random.nextInt(1000))
                        .get(random.nextInt(5));
                return TextNode.valueOf(text.length() > max ? text.substring(0, Math.max(1, max)) : text);
            }
        }
    }

    // ---------------------------------------------------------------- mutations

    /** A valid request, or one whose mutation a service may accept: it must only never fail. */
    FuzzRequest lenient(Operation op) {
        Draft d = draft(op);
        int pick = random.nextInt(op.body() != null ? 10 : 6);
        switch (pick) {
            case 0, 1 -> {
                return d.build("valid", false);
            }
            case 2 -> {
                d.headers.put("Authorization", tokens.foreign(op));
                return d.build("token of another jurisdiction", false);
            }
            case 3 -> {
                d.headers.put("Idempotency-Key", List.of("x".repeat(1000), "", " ", "key with spaces", "é",
                        "a/b?c#d").get(random.nextInt(6)).replace("é", "%C3%A9"));
                return d.build("odd idempotency key", false);
            }
            case 4 -> {
                d.headers.put("Accept", List.of("*/*", "application/*", "application/json;q=0.1, text/html",
                        "application/problem+json").get(random.nextInt(4)));
                return d.build("other accept", false);
            }
            case 5 -> {
                List<String> names = new ArrayList<>(d.query.keySet());
                names.add("unknownParameter");
                String name = names.get(random.nextInt(names.size()));
                d.query.computeIfAbsent(name, n -> new ArrayList<>()).add(encode(pick(NASTY)));
                return d.build("odd query value", false);
            }
            case 6 -> {
                List<Location> strings = locations(d.body, op.body(), "string");
                if (strings.isEmpty()) {
                    return d.build("valid", false);
                }
                Location at = pick(strings);
                String nasty = pick(NASTY);
                at.set(TextNode.valueOf(random.nextBoolean() ? nasty : text(at.get()) + nasty));
                return d.build("control or odd characters in " + at.path, false);
            }
            case 7 -> {
                List<Location> strings = locations(d.body, op.body(), "string");
                if (strings.isEmpty()) {
                    return d.build("valid", false);
                }
                Location at = pick(strings);
                int max = at.schema.path("maxLength").asInt(-1);
                at.set(TextNode.valueOf("长".repeat(max > 0 ? max : 20_000 + random.nextInt(80_000))));
                return d.build("longest string in " + at.path, false);
            }
            case 8 -> {
                List<Location> all = locations(d.body, op.body(), null);
                if (all.isEmpty()) {
                    return d.build("valid", false);
                }
                Location at = pick(all);
                JsonNode coerced = switch (type(at.schema)) {
                    case "string" -> random.nextBoolean() ? NODES.numberNode(12) : NODES.booleanNode(true);
                    case "integer" -> random.nextBoolean() ? TextNode.valueOf("2025") : NODES.numberNode(2025.5);
                    case "boolean" -> TextNode.valueOf(random.nextBoolean() ? "true" : "false");
                    default -> NODES.nullNode();
                };
                at.set(coerced);
                return d.build("coercible value in " + at.path, false);
            }
            default -> {
                d.rawBody = (random.nextBoolean()
                        ? json(d.body) + " trailing"
                        : json(d.body).replaceFirst("\\{",
                                "{\"fuzzDuplicate\":1,"))
                        .getBytes(StandardCharsets.UTF_8);
                if (random.nextBoolean()) {
                    d.headers.remove("Content-Type");
                    return d.build("no content type", false);
                }
                return d.build("trailing garbage or extra duplicate", false);
            }
        }
    }

    /** A request that is refused whatever its other parts hold; a write must then change nothing. */
    FuzzRequest rejected(Operation op) {
        Draft d = draft(op);
        int roll = random.nextInt(100);
        if (roll < 25) {
            return token(d);
        }
        if (roll < 30) {
            return wrongMethod(d);
        }
        if (op.body() == null || roll < 40) {
            if (!d.path.isEmpty()) {
                String name = pick(new ArrayList<>(d.path.keySet()));
                d.path.put(name, random.nextBoolean() ? pick(BAD_RAW) : UUID.randomUUID().toString());
                return d.build("path " + name + " names nothing", true);
            }
            return token(d);
        }
        if (roll < 45) {
            d.headers.put("Content-Type", pick(WRONG_CONTENT_TYPES));
            d.rawBody = random.nextBoolean()
                    ? json(d.body).getBytes(StandardCharsets.UTF_8)
                    : "name=x&kind=y".getBytes(StandardCharsets.UTF_8);
            return d.build("wrong content type", true);
        }
        if (roll < 52) {
            return malformed(d);
        }
        if (roll < 54) {
            return oversized(d);
        }
        if (roll < 58 && op.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            d.headers.put("If-Match", List.of("\"999999\"", "\"0\"", "W/\"1\"", "garbage", "\"-1\"", "\"abc\"",
                    "\"1\", \"999\"").get(random.nextInt(7)));
            return d.build("stale or garbage If-Match", true);
        }
        return invalidField(d);
    }

    /** A read, valid or with mutated parameters, token or headers; reads change nothing whatever they answer. */
    FuzzRequest read(Operation op) {
        Draft d = draft(op);
        int roll = random.nextInt(100);
        if (roll < 10) {
            return d.build("valid", false);
        }
        if (roll < 30) {
            return token(d);
        }
        if (roll < 35) {
            return wrongMethod(d);
        }
        if (roll < 45) {
            d.headers.put("Content-Type", pick(WRONG_CONTENT_TYPES));
            if (random.nextBoolean()) {
                d.rawBody = "hello".getBytes(StandardCharsets.UTF_8);
            }
            return d.build("GET with a non-JSON content type", false);
        }
        if (roll < 50) {
            d.headers.put("Accept", List.of("text/html", "application/xml", "garbage", "image/png;q=1")
                    .get(random.nextInt(4)));
            return d.build("unacceptable accept", false);
        }
        List<Parameter> params = new ArrayList<>(op.in("path"));
        params.addAll(op.in("query"));
        if (params.isEmpty()) {
            d.query.computeIfAbsent("unknownParameter", n -> new ArrayList<>()).add(pick(BAD_RAW));
            return d.build("unknown query parameter", false);
        }
        Parameter p = pick(params);
        String value = badValue(p);
        if (p.in().equals("path")) {
            d.path.put(p.name(), value.isEmpty() ? "x" : value);
        } else if (random.nextInt(5) == 0) {
            d.query.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(value);
        } else {
            d.query.put(p.name(), new ArrayList<>(List.of(value)));
        }
        return d.build("bad " + p.in() + " " + p.name(), false);
    }

    private String badValue(Parameter p) {
        String name = p.name().toLowerCase();
        int roll = random.nextInt(3);
        if (name.equals("cursor") && roll > 0) {
            return cursor();
        }
        if (name.equals("limit") && roll > 0) {
            return pick(BAD_LIMITS);
        }
        if ((name.endsWith("from") || name.endsWith("to") || name.endsWith("at") || name.contains("date")
                || name.endsWith("on")) && roll > 0) {
            return encodeLoose(random.nextBoolean() ? pick(BAD_INSTANTS) : pick(BAD_DATES));
        }
        if (p.schema() != null && p.schema().path("enum").isArray() && roll > 0) {
            return encode(List.of("NOT_A_VALUE", "open", "", "OPEN%00", "0").get(random.nextInt(5)))
                    .replace("%2500", "%00");
        }
        return random.nextBoolean() ? pick(BAD_RAW) : encode(pick(NASTY));
    }

    private final List<String> realCursors = new ArrayList<>();

    void addRealCursor(String cursor) {
        realCursors.add(cursor);
    }

    private String cursor() {
        if (!realCursors.isEmpty() && random.nextBoolean()) {
            String real = pick(realCursors);
            return switch (random.nextInt(6)) {
                case 0 -> flip(real);
                case 1 ->
                    real.substring(0, Math.max(1, real.length() - 1 - random.nextInt(Math.max(1, real.length()))));
                case 2 -> real + "x";
                default -> {
                    String decoded;
                    try {
                        decoded = new String(Base64.getUrlDecoder().decode(real), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        decoded = real;
                    }
                    String[] keys = decoded.split("\u001f", -1);
                    int i = random.nextInt(keys.length);
                    keys[i] = List.of("", "\u0000", "not-a-time", "2026-02-30T00:00:00Z", "99999999999999999999",
                            "-1", keys[i] + "\u0000", "' OR 1=1 --", "x".repeat(1500), "1e309", "NaN",
                            UUID.randomUUID().toString(), "+999999999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z")
                            .get(random.nextInt(14));
                    String tampered = String.join(random.nextInt(4) == 0 ? "\u001f\u001f" : "\u001f", keys);
                    yield b64(tampered);
                }
            };
        }
        return List.of("!!!", "====", "%00", b64("a\u001fb\u001fc"), b64("\u0000"), b64("\u0000\u001f\u0000"),
                b64(""), b64("\u001f"), b64("x".repeat(1500)), "a", "%FF", b64("2026-02-30\u001fabc"),
                b64("not-a-time\u001f" + UUID.randomUUID()), b64("330000"), b64("\ud800\u001f1"))
                .get(random.nextInt(15));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private String flip(String text) {
        char[] chars = text.toCharArray();
        int i = random.nextInt(chars.length);
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private FuzzRequest token(Draft d) {
        int kind = random.nextInt(15);
        d.headers.put("Authorization", switch (kind) {
            case 0 -> null;
            case 1 -> "Bearer";
            case 2 -> "Bearer " + "garbage.garbage.garbage";
            case 3 -> "Basic dXNlcjpwYXNz";
            case 4 -> tokens.expired(d.op);
            case 5 -> tokens.foreignKey(d.op);
            case 6 -> tokens.unsigned(d.op);
            case 7 -> tokens.withJurisdiction(d.op, 330000);
            case 8 -> tokens.withJurisdiction(d.op, Map.of("code", "330000"));
            case 9 -> tokens.withJurisdiction(d.op, List.of("330000", "000000"));
            case 10 -> tokens.withJurisdiction(d.op, null);
            case 11 ->
                tokens.withJurisdiction(d.op, pick(List.of("33", "abcdef", "", "330000\u0000", "999999999999x")));
            case 12 -> tokens.withoutRoles(d.op);
            case 13 -> tokens.withoutSubject(d.op);
            default -> {
                List<String> others = allRoles.stream().filter(r -> !d.op.roles().contains(r)).toList();
                yield others.isEmpty() ? tokens.withoutRoles(d.op) : tokens.withRole(pick(others));
            }
        });
        String[] names = { "no token", "bare Bearer", "garbage token", "Basic credentials", "expired token",
                "token signed by a foreign key", "unsigned token", "numeric jurisdiction claim",
                "object jurisdiction claim",
                "array jurisdiction claim", "no jurisdiction claim", "invalid jurisdiction claim", "no roles",
                "no subject", "role not allowed" };
        return d.build(names[kind], true);
    }

    private FuzzRequest wrongMethod(Draft d) {
        d.method = pick(List.of("DELETE", "PATCH", d.op.method().equals("GET") ? "PUT" : "GET", "OPTIONS", "TRACE"));
        if (d.method.equals("GET") || d.method.equals("OPTIONS")) {
            // A read at a write's path may exist (GET /things/{id} beside PUT): not a refusal in general.
            d.method = "DELETE";
        }
        return d.build("method " + d.method, true);
    }

    private FuzzRequest malformed(Draft d) {
        int kind = random.nextInt(9);
        String valid = json(d.body);
        d.rawBody = switch (kind) {
            case 0 -> valid.substring(0, Math.max(1, random.nextInt(Math.max(1, valid.length() - 1))))
                    .getBytes(StandardCharsets.UTF_8);
            case 1 -> pick(MALFORMED).getBytes(StandardCharsets.UTF_8);
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 3 -> pick(List.of("\"text\"", "12", "true", "[{}]")).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"a\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            case 6 -> invalidUtf8(valid);
            case 7 -> "{\"a\":\"\u0000\"".getBytes(StandardCharsets.UTF_8);
            default -> new byte[]{ (byte) 0xFF, (byte) 0xFE, 0, 0x7B };
        };
        return d.build(List.of("truncated JSON", "malformed JSON", "JSON array", "JSON scalar", "deeply nested JSON",
                "huge number", "invalid UTF-8", "unterminated JSON with NUL", "binary body").get(kind), true);
    }

    private static byte[] invalidUtf8(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int quote = valid.indexOf(":\"");
        if (quote < 0) {
            return new byte[]{ '{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}' };
        }
        byte[] out = new byte[bytes.length + 2];
        int at = valid.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = 0x28;
        System.arraycopy(bytes, at, out, at + 2, bytes.length - at);
        return out;
    }

    private FuzzRequest oversized(Draft d) {
        int kind = random.nextInt(4);
        int size = kind == 3 ? 2 * MIB + MIB / 2 : MIB + 1 + random.nextInt(MIB / 2);
        StringBuilder text = new StringBuilder(size + 64).append("{\"padding\":\"");
        while (text.length() < size) {
            text.append("abcdefghij");
        }
        d.rawBody = text.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
        d.chunked = kind >= 2;
        d.expectedStatus = 413;
        return d.build(d.chunked ? "oversized body without a length" : "oversized body", true);
    }

    private FuzzRequest invalidField(Draft d) {
        if (!(d.body instanceof ObjectNode)) {
            d.body = NODES.objectNode();
        }
        List<Location> all = locations(d.body, d.op.body(), null);
        for (int attempt = 0; attempt < 8; attempt++) {
            int kind = random.nextInt(7);
            switch (kind) {
                case 0 -> {
                    List<ObjectNode> objects = new ArrayList<>();
                    objects.add((ObjectNode) d.body);
                    all.stream().filter(l -> l.get() instanceof ObjectNode)
                            .forEach(l -> objects.add((ObjectNode) l.get()));
                    pick(objects).put(pick(List.of("unexpectedField", "id", "version", "__proto__", "")),
                            pick(List.of("x", "1")));
                    return d.build("unknown field", true);
                }
                case 1 -> {
                    List<Location> required = requiredLocations(d.body, d.op.body(), "");
                    if (!required.isEmpty()) {
                        Location at = pick(required);
                        if (random.nextBoolean()) {
                            at.remove();
                            return d.build("required " + at.path + " missing", true);
                        }
                        at.set(NODES.nullNode());
                        return d.build("required " + at.path + " null", true);
                    }
                }
                case 2 -> {
                    if (!all.isEmpty()) {
                        Location at = pick(all);
                        JsonNode wrong = switch (type(at.schema)) {
                            case "integer", "number" -> pick(List.of(TextNode.valueOf("abc"), NODES.objectNode(),
                                    NODES.arrayNode().add(1)));
                            case "boolean" -> pick(List.of(TextNode.valueOf("maybe"), NODES.objectNode(),
                                    NODES.numberNode(2.5)));
                            case "array" -> pick(List.of(NODES.objectNode().put("a", 1), TextNode.valueOf("x"),
                                    NODES.numberNode(3)));
                            case "object" -> pick(List.of(NODES.arrayNode().add(1), TextNode.valueOf("x"),
                                    NODES.numberNode(3)));
                            default ->
                                pick(List.of(NODES.objectNode().put("a", 1), NODES.arrayNode().add("x").add("y")));
                        };
                        at.set(wrong);
                        return d.build("wrong type in " + at.path, true);
                    }
                }
                case 3 -> {
                    List<Location> enums = all.stream().filter(l -> l.schema.path("enum").isArray()).toList();
                    if (!enums.isEmpty()) {
                        Location at = pick(enums);
                        at.set(TextNode.valueOf(pick(List.of("NOT_A_VALUE", text(at.get()).toLowerCase() + "x",
                                "\u0000", "巡视"))));
                        return d.build("unknown value in " + at.path, true);
                    }
                }
                case 4 -> {
                    List<Location> dates = all.stream()
                            .filter(l -> l.schema.path("format").asText("").startsWith("date"))
                            .toList();
                    if (!dates.isEmpty()) {
                        Location at = pick(dates);
                        at.set(TextNode.valueOf(pick(BAD_DATES.subList(0, BAD_DATES.size() - 1))));
                        return d.build("invalid date in " + at.path, true);
                    }
                }
                case 5 -> {
                    List<Location> bounded = all.stream()
                            .filter(l -> l.schema.has("maxLength") || l.schema.has("pattern")
                                    || l.schema.has("minimum") || l.schema.has("maximum") || l.schema.has("maxItems")
                                    || l.schema.path("minItems").asInt(0) > 0)
                            .toList();
                    if (!bounded.isEmpty()) {
                        Location at = pick(bounded);
                        JsonNode out = outOfBounds(at);
                        if (out != null) {
                            at.set(out);
                            return d.build("out of bounds " + at.path, true);
                        }
                    }
                }
                default -> {
                    List<Location> ints = all.stream().filter(l -> type(l.schema).equals("integer")).toList();
                    if (!ints.isEmpty()) {
                        Location at = pick(ints);
                        at.set(NODES.numberNode(new java.math.BigInteger("9".repeat(20 + random.nextInt(40)))));
                        return d.build("integer overflow in " + at.path, true);
                    }
                }
            }
        }
        ((ObjectNode) d.body).put("unexpectedField", true);
        return d.build("unknown field", true);
    }

    private JsonNode outOfBounds(Location at) {
        JsonNode s = at.schema;
        List<JsonNode> options = new ArrayList<>();
        if (s.has("maxLength")) {
            options.add(TextNode.valueOf("长".repeat(s.get("maxLength").asInt() + 1 + random.nextInt(50))));
        }
        if (s.has("pattern")) {
            try {
                Pattern p = Pattern.compile(s.get("pattern").asText());
                for (String candidate : List.of("", " ", "   ", "\t", "abc", "12345", "-", "x y")) {
                    if (!p.matcher(candidate).find()) {
                        options.add(TextNode.valueOf(candidate));
                    }
                }
            } catch (PatternSyntaxException ignored) {
                // A pattern Java cannot compile gives no candidate.
            }
        }
        if (s.has("minimum")) {
            options.add(NODES.numberNode(s.get("minimum").asLong() - 1 - random.nextInt(1000)));
        }
        if (s.has("maximum")) {
            options.add(NODES.numberNode(s.get("maximum").asLong() + 1 + random.nextInt(1000)));
        }
        if (s.has("maxItems")) {
            ArrayNode many = NODES.arrayNode();
            JsonNode item = at.get() instanceof ArrayNode a && a.size() > 0 ? a.get(0) : TextNode.valueOf("x");
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                many.add(item);
            }
            options.add(many);
        }
        if (s.path("minItems").asInt(0) > 0) {
            options.add(NODES.arrayNode());
        }
        return options.isEmpty() ? null : pick(options);
    }

    // ---------------------------------------------------------------- locations in a body

    /** A place in a JSON body that holds a value, with the schema of what belongs there. */
    static final class Location {

        final String path;
        final JsonNode schema;
        private final Consumer<JsonNode> setter;
        private final Runnable remover;
        private final java.util.function.Supplier<JsonNode> getter;

        Location(String path, JsonNode schema, java.util.function.Supplier<JsonNode> getter, Consumer<JsonNode> setter,
                Runnable remover) {
            this.path = path;
            this.schema = schema;
            this.getter = getter;
            this.setter = setter;
            this.remover = remover;
        }

        JsonNode get() {
            return getter.get();
        }

        void set(JsonNode value) {
            setter.accept(value);
        }

        void remove() {
            remover.run();
        }
    }

    /** Every value present in the body (of the given schema type, or any), depth first. */
    static List<Location> locations(JsonNode body, JsonNode schema, String type) {
        List<Location> out = new ArrayList<>();
        collect(body, schema, "", out);
        return type == null ? out : out.stream().filter(l -> type(l.schema).equals(type)).toList();
    }

    private static void collect(JsonNode node, JsonNode schema, String prefix, List<Location> out) {
        if (node instanceof ObjectNode object && schema != null) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode fieldSchema = schema.path("properties").path(name);
                if (fieldSchema.isMissingNode()) {
                    continue;
                }
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                out.add(new Location(path, fieldSchema, () -> object.get(name), v -> object.set(name, v),
                        () -> object.remove(name)));
                collect(object.get(name), fieldSchema, path, out);
            }
        } else if (node instanceof ArrayNode array && schema != null) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                String path = prefix + "[" + i + "]";
                out.add(new Location(path, schema.path("items"), () -> array.get(index), v -> array.set(index, v),
                        () -> array.remove(index)));
                collect(array.get(i), schema.path("items"), path, out);
            }
        }
    }

    /** The required properties present in the body, at any depth. */
    private static List<Location> requiredLocations(JsonNode body, JsonNode schema, String prefix) {
        List<Location> out = new ArrayList<>();
        if (body instanceof ObjectNode object) {
            for (String name : required(schema)) {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                out.add(new Location(path, schema.path("properties").path(name), () -> object.get(name),
                        v -> object.set(name, v), () -> object.remove(name)));
            }
        }
        for (Location l : locations(body, schema, null)) {
            if (l.get() instanceof ObjectNode) {
                out.addAll(requiredLocations(l.get(), l.schema, l.path));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> out = new java.util.LinkedHashSet<>();
        schema.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes every byte but the unreserved characters; a lone surrogate becomes its UTF-8 guess. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** Like {@link #encode} but keeps {@code %XX} escapes that are already there. */
    private static String encodeLoose(String text) {
        return encode(text).replaceAll("%25([0-9A-F]{2})", "%$1");
    }
}
