package io.qbank.common.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document; {@code violations} lists the fields that failed validation. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @RegisterForReflection
    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, List.of());
    }

    /** 400 for input that breaks the API's rules, one violation per field. */
    public static Problem invalid(List<Violation> violations) {
        return new Problem(typeFor(400), "Validation failed", 400, violations.size() + " field(s) are not valid", null, violations);
    }

    static String typeFor(int status) {
        return "https://qbank.io/problems/" + status;
    }
}
