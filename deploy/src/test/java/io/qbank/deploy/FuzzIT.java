package io.qbank.deploy;

import static io.qbank.deploy.Services.ANALYTICS;
import static io.qbank.deploy.Services.AUTHORING;
import static io.qbank.deploy.Services.DELIVERY;
import static io.qbank.deploy.Services.GENERATION;
import static io.qbank.deploy.Services.REVIEW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bad input against every operation of the five OpenAPI documents, on the running services: for each operation, a
 * plausible request, then the same request with one parameter or body field at a time made hostile (a NUL character, a
 * wrong JSON type, a wrong type inside an array, a huge or right-to-left-override string, null, an empty object), and
 * the body as a whole made hostile (none, no content type, not JSON, an empty object, an array). Every answer must be
 * below 500, and every error must be problem+json. Seeded, and bounded in time.
 */
class FuzzIT {

    static final String TENANT = Identity.tenant("e2e-fuzz");
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("qbank.fuzz.seconds", 120));
    static final ObjectMapper JSON = new ObjectMapper();
    static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 5_000));

    /** The hostile values a string, number, array or object field gets in turn. */
    static final List<Object> HOSTILE = List.of("nul\u0000inside", "\u202Egnp.exe", "x".repeat(20_000), 12345, -1, 1e308, true,
            List.of(12345), List.of("a\u0000"), Map.of(), List.of(), "", " ", "not-a-uuid", "2026-13-45");

    private final Random random = new Random(20261207);
    private final List<String> failures = new ArrayList<>();
    /** Real ids of the tenant's own objects, by the parameter or field name that takes them: the requests get past 404. */
    private final Map<String, Object> known = new LinkedHashMap<>();
    private int requests;
    private String lastAnswer;
    /** The JSON body of the last answer, when it had one. */
    private Object lastBody;
    private final List<String> nonConforming = new ArrayList<>();

    @Test
    void noOperationAnswers500OrAnErrorThatIsNotAProblem() throws Exception {
        String admin = Identity.token(TENANT, "admin");
        objectsToAimAt(admin);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (String base : List.of(AUTHORING, DELIVERY, GENERATION, REVIEW, ANALYTICS)) {
            Map<String, Object> document = JSON.readValue(given().accept("application/json").get(base + "/q/openapi").asString(), Map.class);
            Map<String, Map<String, Object>> paths = cast(document.get("paths"));
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                    if (!path.getKey().startsWith("/api/") || String.valueOf(operation.getValue()).contains("text/event-stream")) {
                        continue;
                    }
                    fuzz(base, path.getKey(), operation.getKey().toUpperCase(), cast(operation.getValue()), document, admin);
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                }
            }
        }
        System.out.printf("fuzz: %d requests, %d failures%n", requests, failures.size());
        assertThat(requests).as("requests sent").isGreaterThan(500);
        assertThat(failures).as(failures.size() + " of " + requests + " requests").isEmpty();
        assertThat(nonConforming).as("answers of the plausible requests that their documents do not describe").isEmpty();
    }

    /** A topic, a published item in a quiz, a material: ids that pass every existence check. */
    private void objectsToAimAt(String admin) throws Exception {
        String topic = EndToEndIT.as(admin).body(Map.of("name", "Fuzz", "blueprintCode", "FZ")).post(AUTHORING + "/api/v1/authoring/topics")
                .then().statusCode(201).extract().path("id");
        // the one who writes an item may not approve it: an author and a publisher
        String item = ExamIntegrityIT.publish(Identity.token(TENANT, "author"), Identity.token(TENANT, "publisher"), topic, 0, "FUZZ");
        String quiz = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r = EndToEndIT.as(admin).body(Map.of("examCode", "FUZZ", "mode", "tutor", "length", 1)).post(DELIVERY + "/api/v1/quizzes");
            return r.statusCode() == 201 ? r.<String>path("id") : null;
        }, id -> id != null);
        EndToEndIT.as(admin).post(DELIVERY + "/api/v1/quizzes/" + quiz + "/next").then().statusCode(200);
        String material = EndToEndIT.as(admin).body(Map.of("title", "Fuzz notes", "text", "Aortic dissection presents with tearing pain."))
                .post(GENERATION + "/api/v1/generation/materials").then().statusCode(201).extract().path("id");
        known.putAll(Map.of("topicId", topic, "parentId", topic, "itemId", item, "quizId", quiz, "position", 1, "version", 1,
                "examCode", "FUZZ", "examCodes", List.of("FUZZ"), "materialIds", List.of(material), "userId", "me"));
        // values that no schema spells out: dates, a time zone, a valid set of options
        known.putAll(Map.of("from", "2026-11-01", "to", "2026-12-01", "timeZone", "Europe/Paris", "name", "Fuzz " + UUID.randomUUID(),
                "options", List.of(Map.of("label", "A", "text", "Right", "correct", true, "explanation", "why"),
                        Map.of("label", "B", "text", "Wrong 1", "correct", false, "explanation", "why not"),
                        Map.of("label", "C", "text", "Wrong 2", "correct", false, "explanation", "why not"),
                        Map.of("label", "D", "text", "Wrong 3", "correct", false, "explanation", "why not"))));
        known.put("materials/{id}", material);
    }

    private void fuzz(String base, String path, String method, Map<String, Object> operation, Map<String, Object> document, String token) {
        List<Map<String, Object>> parameters = operation.containsKey("parameters") ? cast(operation.get("parameters")) : List.of();
        Map<String, Object> bodySchema = bodySchema(operation, document);
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            Object id = "id".equals(name) ? known.get(path.contains("/materials/") ? "materials/{id}" : "") : known.get(name);
            params.put(name, id != null ? id : sample(resolve(cast(p.get("schema")), document), document, 0));
        }
        Object body = bodySchema == null ? null : sample(bodySchema, document, 0);
        int baseline = send(base, path, method, parameters, params, body, token, "application/json");
        if (baseline >= 400) {
            System.out.printf("fuzz: the plausible request of %s %s answers %d: %s%n", method, path, baseline, lastAnswer);
        } else if (lastBody != null) {
            // what it answers is what its document says, nulls included: generated clients rely on it
            Map<String, Object> responses = cast(operation.get("responses"));
            Map<String, Object> response = cast(responses.get(String.valueOf(baseline)));
            Map<String, Object> content = response == null ? null : cast(response.get("content"));
            Map<String, Object> json = content == null ? null : cast(content.get("application/json"));
            Object schema = json == null ? null : json.get("schema");
            if (schema == null) {
                nonConforming.add(method + " " + path + " " + baseline + ": no JSON schema for this answer");
            } else {
                nonConforming.addAll(Conformance.violations(lastBody, cast(schema), document, method + " " + path + " " + baseline + " $"));
            }
        }
        // one parameter at a time made hostile
        for (Map<String, Object> p : parameters) {
            for (Object bad : HOSTILE) {
                Map<String, Object> mutated = new LinkedHashMap<>(params);
                mutated.put((String) p.get("name"), bad instanceof String || bad instanceof Number || bad instanceof Boolean ? bad : "%00");
                send(base, path, method, parameters, mutated, body, token, "application/json");
            }
        }
        if (bodySchema == null) {
            return;
        }
        // one body field at a time made hostile, at the top level and one level down
        if (body instanceof Map<?, ?> object) {
            for (Object field : object.keySet()) {
                for (Object bad : HOSTILE) {
                    Map<Object, Object> mutated = new LinkedHashMap<>(object);
                    mutated.put(field, bad);
                    send(base, path, method, parameters, params, mutated, token, "application/json");
                }
                Object inner = object.get(field);
                if (inner instanceof List<?> list && !list.isEmpty()) {
                    // far more elements than any sane request holds
                    Map<Object, Object> mutated = new LinkedHashMap<>(object);
                    mutated.put(field, java.util.Collections.nCopies(20_000, list.get(0)));
                    send(base, path, method, parameters, params, mutated, token, "application/json");
                }
                if (inner instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> element) {
                    for (Object innerField : element.keySet()) {
                        for (Object bad : pick(6)) {
                            Map<Object, Object> badElement = new LinkedHashMap<>(element);
                            badElement.put(innerField, bad);
                            Map<Object, Object> mutated = new LinkedHashMap<>(object);
                            mutated.put(field, List.of(badElement));
                            send(base, path, method, parameters, params, mutated, token, "application/json");
                        }
                    }
                }
            }
        }
        // the body as a whole
        send(base, path, method, parameters, params, null, token, "application/json");
        send(base, path, method, parameters, params, body, token, null);
        send(base, path, method, parameters, params, "{\"unterminated\":", token, "application/json");
        send(base, path, method, parameters, params, Map.of(), token, "application/json");
        send(base, path, method, parameters, params, List.of(body == null ? Map.of() : body), token, "application/json");
        send(base, path, method, parameters, params, body, token, "text/plain");
    }

    private List<Object> pick(int n) {
        List<Object> values = new ArrayList<>(HOSTILE);
        java.util.Collections.shuffle(values, random);
        return values.subList(0, n);
    }

    /** Sends one request and notes it if it failed the rule; its status, or 0 without an answer. */
    private int send(String base, String path, String method, List<Map<String, Object>> parameters, Map<String, Object> params, Object body,
            String token, String contentType) {
        RequestSpecification request = given().config(TIMEOUTS).header("Authorization", "Bearer " + token).urlEncodingEnabled(true);
        String url = path;
        for (Map<String, Object> p : parameters) {
            String name = (String) p.get("name");
            Object value = params.get(name);
            if ("path".equals(p.get("in"))) {
                url = url.replace("{" + name + "}", java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            } else if ("query".equals(p.get("in")) && value != null) {
                request.queryParam(name, value);
            }
        }
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            try {
                request.body(body instanceof String s ? s : JSON.writeValueAsString(body));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        requests++;
        String query = params.entrySet().stream().filter(e -> parameters.stream().anyMatch(p -> p.get("name").equals(e.getKey()) && "query".equals(p.get("in"))))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("&"));
        String call = method + " " + base + url + (query.isEmpty() ? "" : "?" + query) + (body == null ? "" : " " + abbreviate(String.valueOf(body)))
                + " [" + contentType + "]";
        try {
            Response r = request.request(method, base + url);
            int status = r.statusCode();
            lastAnswer = abbreviate(r.asString()) + " for " + call;
            String type = r.contentType() == null ? "" : r.contentType();
            lastBody = type.startsWith("application/json") && !r.asString().isEmpty() ? JSON.readValue(r.asString(), Object.class) : null;
            if (status >= 500 && !(status == 503 && type.startsWith("application/problem+json") && r.asString().contains("no LLM provider"))) {
                failures.add(status + " " + call + " → " + abbreviate(r.asString()));
            } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                failures.add(status + " not problem+json (" + type + ") " + call);
            }
            return status;
        } catch (Exception e) {
            failures.add("no answer: " + e + " " + call);
            return 0;
        }
    }

    private static String abbreviate(String s) {
        String clean = s.replace("\u0000", "\\u0000");
        return clean.length() > 160 ? clean.substring(0, 160) + "…" : clean;
    }

    private Map<String, Object> bodySchema(Map<String, Object> operation, Map<String, Object> document) {
        if (!operation.containsKey("requestBody")) {
            return null;
        }
        Map<String, Object> content = cast(((Map<?, ?>) operation.get("requestBody")).get("content"));
        Map<?, ?> json = (Map<?, ?>) content.getOrDefault("application/json", content.values().iterator().next());
        return json == null || json.get("schema") == null ? null : resolve(cast(json.get("schema")), document);
    }

    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> document) {
        if (schema != null && schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            return cast(((Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas")).get(name));
        }
        if (schema != null && schema.containsKey("allOf")) {
            List<Map<String, Object>> all = cast(schema.get("allOf"));
            return resolve(all.get(0), document);
        }
        return schema;
    }

    /** A plausible value for a schema: its example or default if it has one, else one of its type. */
    private Object sample(Map<String, Object> schema, Map<String, Object> document, int depth) {
        if (schema == null) {
            return "x";
        }
        schema = resolve(schema, document);
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        if (schema.containsKey("default")) {
            return schema.get("default");
        }
        if (schema.containsKey("enum")) {
            return ((List<?>) schema.get("enum")).get(0);
        }
        if (schema.get("pattern") instanceof String pattern) {
            String matching = matching(pattern);
            if (matching != null) {
                return matching;
            }
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        String format = String.valueOf(schema.get("format"));
        switch (String.valueOf(type)) {
            case "integer":
                return schema.containsKey("minimum") ? ((Number) schema.get("minimum")).intValue() : 1;
            case "number":
                return 0.5;
            case "boolean":
                return false;
            case "array": {
                int count = schema.get("minItems") instanceof Number n ? Math.max(1, n.intValue()) : 1;
                List<Object> array = new ArrayList<>();
                for (int i = 0; i < count && depth <= 3; i++) {
                    array.add(sample(cast(schema.get("items")), document, depth + 1));
                }
                return array;
            }
            case "object": {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth <= 3 && schema.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((k, v) -> object.put((String) k, known.containsKey(k) ? known.get(k) : sample(cast(v), document, depth + 1)));
                }
                return object;
            }
            default:
                return switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-12-01";
                    case "date-time" -> "2026-12-01T10:00:00Z";
                    default -> "text";
                };
        }
    }

    /** A string that a pattern of the documents matches: its first alternative, or a common word, or null. */
    static String matching(String pattern) {
        String p = pattern.replaceAll("^\\^|\\$$", "");
        List<String> candidates = new ArrayList<>(List.of(p.split("\\|")[0].replaceAll("[()]", "")));
        candidates.addAll(List.of("A", "FUZZ", "fuzz", "Fuzz", "a1", "2026-12-01"));
        return candidates.stream().filter(c -> Pattern.matches(pattern, c)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
