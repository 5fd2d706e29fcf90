package io.qbank.generation.llm;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * The LLM behind generation (quarkus-langchain4j, OpenAI-compatible: provider, model, base URL and key from
 * {@code quarkus.langchain4j.openai.*}). Both messages come in as values, so the JSON braces of the prompt are never read
 * as template expressions. Call it through {@link LlmClient}, which adds retries, a circuit breaker and error classes.
 */
@RegisterAiService
public interface QuestionWriter {

    @SystemMessage("{system}")
    @UserMessage("{task}")
    String write(String system, String task);
}
