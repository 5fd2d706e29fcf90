package io.qbank.generation.llm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An OpenAI-compatible chat-completions endpoint for the tests, started before the service and pointed at by its
 * configuration: it answers from a script (status, content, delay) and keeps every request it received. With an empty
 * script it answers 500, so a test that forgot to script shows up.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    public record Reply(int status, String content, long delayMillis) {
        public static Reply ok(String content) {
            return new Reply(200, content, 0);
        }
    }

    private static final ConcurrentLinkedQueue<Reply> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final List<JsonObject> REQUESTS = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;

    public static void script(Reply... replies) {
        SCRIPT.clear();
        SCRIPT.addAll(List.of(replies));
        REQUESTS.clear();
    }

    public static List<JsonObject> requests() {
        return List.copyOf(REQUESTS);
    }

    /** The messages of a request as role → content. */
    public static Map<String, String> messages(JsonObject request) {
        JsonArray messages = request.getJsonArray("messages");
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            out.merge(messages.getJsonObject(i).getString("role"), messages.getJsonObject(i).getString("content"), (a, b) -> a + "\n" + b);
        }
        return out;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (!request.path().endsWith("/chat/completions")) {
                request.response().setStatusCode(404).end();
                return;
            }
            REQUESTS.add(body.toJsonObject());
            Reply reply = SCRIPT.poll();
            if (reply == null) {
                reply = new Reply(500, "{\"error\": {\"message\": \"nothing scripted\"}}", 0);
            }
            Reply r = reply;
            vertx.setTimer(Math.max(1, r.delayMillis()), t -> {
                if (request.response().closed()) {
                    return;
                }
                String payload = r.status() == 200 ? new JsonObject().put("id", "chatcmpl-test").put("object", "chat.completion")
                        .put("created", 1).put("model", "stub-model")
                        .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
                                .put("message", new JsonObject().put("role", "assistant").put("content", r.content()))))
                        .put("usage", new JsonObject().put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2)).encode()
                        : r.content();
                request.response().setStatusCode(r.status()).putHeader("Content-Type", "application/json").end(payload);
            });
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAI stub did not start", e);
        }
        String base = "http://127.0.0.1:" + server.actualPort() + "/v1/";
        return Map.of("quarkus.langchain4j.openai.base-url", base, "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.chat-model.model-name", "stub-model", "quarkus.langchain4j.openai.timeout", "2s",
                // short back-off so retries fit in a test
                "io.qbank.generation.llm.LlmClient/write/Retry/delay", "100",
                "io.qbank.generation.llm.LlmClient/write/Retry/jitter", "0",
                // a circuit opened by a test closes again after a second (the annotation's unit)
                "io.qbank.generation.llm.LlmClient/write/CircuitBreaker/delay", "1",
                // small enough for a test to reach; each test uses an author of its own
                "qbank.generation.jobs-per-user-per-hour", "5",
                // a PDF over the limit stays small in a test
                "qbank.generation.personal.max-pdf-bytes", "200000");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
