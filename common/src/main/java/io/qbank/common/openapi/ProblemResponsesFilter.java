package io.qbank.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.qbank.common.error.Problem;

/**
 * Documents the errors every API operation shares, once for all services: each operation under /api/ gets
 * its 400, 401 and 403 problem responses, and every 4xx/5xx response is described as application/problem+json
 * with the {@code Problem} schema. Resources declare only the errors that are their own (404, 409, 422…).
 * Each operation also gets its name and its roles ({@link OperationRoles}), and word lists become enumerations
 * ({@link Enumerations}).
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final Map<String, String> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("400", "Malformed JSON, an unknown field, or invalid values (the violations name each field)");
        SHARED.put("401", "No valid bearer token with sub and tenant claims");
        SHARED.put("403", "The caller's roles do not allow this operation");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
        Enumerations.apply(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(ProblemResponsesFilter::document);
                item.getOperations().values().forEach(OperationRoles::describe);
            }
        });
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        SHARED.forEach((code, description) -> {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(SchemaType.STRING));
        Schema violation = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(SchemaType.STRING)).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("violations", OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(violation));
    }
}
