package io.qbank.common.error;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one error mapping of every service: each failure becomes an RFC 9457 problem+json response,
 * never a stack trace. Declared for the specific exception types so that they win over the
 * framework's own mappers of the same types.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(Problem.invalid(violations));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return respond(Problem.of(400, "Malformed JSON", "the request body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "your roles do not allow this operation"));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return concurrentChange();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        if (e.getResponse().getStatus() == 404 && e.getCause() instanceof IllegalArgumentException bad) {
            // JAX-RS answers 404 when a query or path parameter does not convert (e.g. not a UUID): it is bad input
            return respond(Problem.of(400, "Bad Request", "a parameter is not valid: " + bad.getMessage()));
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "the request is malformed (is the body valid JSON?)";
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed on this path";
            case 406 -> "the requested media type cannot be produced";
            case 415 -> "the request's content type is not supported; send application/json";
            default -> e.getMessage();
        };
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ApiException api) {
            return api(api);
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException || isUniqueViolation(e)) {
            return concurrentChange();
        }
        if (LostConnection.test(e)) {
            Log.warnf("the database connection was lost: %s", e.toString());
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "1")
                    .entity(Problem.of(503, "Service unavailable", "the database connection was lost; try again in a second")).build();
        }
        Log.errorf(e, "unexpected error");
        return respond(Problem.of(500, "Internal error", "an unexpected error occurred; it has been logged"));
    }

    /**
     * A unique constraint that the service checks before writing can still trip when two requests write at once (the
     * loser's check ran before the winner committed): that is a concurrent change, not a server error.
     */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && "23505".equals(c.getSQLState())) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static Response jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return respond(Problem.of(400, "Malformed JSON", "the request body is not valid JSON: " + e.getOriginalMessage()));
        }
        String field = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        String detail = e instanceof UnrecognizedPropertyException u
                ? "unknown field '" + u.getPropertyName() + "'"
                : "a value does not have the expected type or format";
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            detail = e.getCause().getMessage();
        }
        if (StrictJson.NUL_MESSAGE.equals(e.getOriginalMessage())) {
            detail = StrictJson.NUL_MESSAGE;
        }
        List<Problem.Violation> violations = field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, detail));
        return respond(new Problem(Problem.typeFor(400), "Malformed request body", 400,
                field.isEmpty() ? detail : field + ": " + detail, null, violations));
    }

    static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "create.request.options[1].text" → "options[1].text": the method and body parameter names mean nothing to a client. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            boolean last = i == nodes.size() - 1;
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || (kind == ElementKind.PARAMETER && !last)) {
                continue;
            }
            if (node.isInIterable()) {
                sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                sb.append(sb.isEmpty() ? "" : ".").append(name);
            }
        }
        return sb.toString();
    }

    private static Response concurrentChange() {
        return respond(Problem.of(409, "Conflict", "the resource was changed concurrently; reload it and try again"));
    }

    private static Response unauthenticated() {
        Problem problem = Problem.of(401, "Unauthorized", "a valid bearer token with sub and tenant claims is required");
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
