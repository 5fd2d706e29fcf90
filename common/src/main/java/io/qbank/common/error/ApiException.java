package io.qbank.common.error;

import java.util.List;

/**
 * A domain error that becomes a problem+json response. Services throw (or fail a Uni with) these;
 * {@link ProblemMappers} renders them.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(int status, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    /** Also what another tenant's or another user's object answers: it does not exist for the caller. */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "Not found", what + " " + id + " does not exist");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException unprocessable(String detail, List<Problem.Violation> violations) {
        return new ApiException(422, "Unprocessable content", detail, violations);
    }

    public static ApiException serviceUnavailable(String detail) {
        return new ApiException(503, "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problem.typeFor(status), title, status, getMessage(), null, violations);
    }
}
