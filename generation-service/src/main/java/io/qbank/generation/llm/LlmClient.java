package io.qbank.generation.llm;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import dev.langchain4j.exception.HttpException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * One call to the model, blocking (run it on a worker thread). Rate limits (429), server errors (5xx), timeouts and
 * broken connections are retried with exponential back-off; a run of them opens the circuit so a failing provider is
 * not hammered; anything else (a refused key, a bad request) fails at once.
 */
@ApplicationScoped
public class LlmClient {

    /** Worth trying again later: 429, 5xx, a timeout, a connection that broke. */
    public static class TransientFailure extends RuntimeException {
        public TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Trying again will not help: the provider refused the key, the model, or the request. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The placeholder key of application.properties: no provider configured. */
    static final String NOT_CONFIGURED = "none";

    private final QuestionWriter writer;
    private final Optional<String> apiKey;
    private final String model;

    public LlmClient(QuestionWriter writer, @ConfigProperty(name = "quarkus.langchain4j.openai.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name", defaultValue = "gpt-4o-mini") String model) {
        this.writer = writer;
        this.apiKey = apiKey;
        this.model = model;
    }

    /** A provider is configured when it has a key (any value for servers that take none, such as Ollama or vLLM). */
    public boolean configured() {
        return apiKey.filter(k -> !k.isBlank() && !k.equals(NOT_CONFIGURED)).isPresent();
    }

    public String model() {
        return model;
    }

    @Retry(maxRetries = 3, delay = 1000, jitter = 200, retryOn = TransientFailure.class)
    @ExponentialBackoff(factor = 2, maxDelay = 16, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.8, delay = 30, delayUnit = ChronoUnit.SECONDS, failOn = TransientFailure.class)
    public String write(String system, String task) {
        try {
            return writer.write(system, task);
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    static RuntimeException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                return status == 429 || status >= 500 ? new TransientFailure("the provider answered " + status, e)
                        : new PermanentFailure("the provider refused the request with " + status + ": " + brief(http.getMessage()), e);
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof io.netty.handler.timeout.TimeoutException || t instanceof java.net.ConnectException
                    || t instanceof io.vertx.core.VertxException || t instanceof java.io.IOException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || (t.getClass().getName().contains("Timeout"))) {
                return new TransientFailure("the provider did not answer in time or the connection broke: " + brief(t.getMessage()), e);
            }
        }
        return new PermanentFailure("the model call failed: " + brief(e.getMessage()), e);
    }

    private static String brief(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
