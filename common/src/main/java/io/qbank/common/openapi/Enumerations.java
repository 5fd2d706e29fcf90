package io.qbank.common.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A field or parameter that Bean Validation restricts to a list of words ({@code @Pattern(regexp = "tutor|exam")}) is an
 * enumeration: documented as {@code enum: [tutor, exam]}, not as a pattern, so that clients generated from the document
 * get the values as a type. The server still validates with the pattern, which matches exactly these words.
 */
final class Enumerations {

    private static final Pattern WORDS = Pattern.compile("\\^?\\(?([A-Za-z0-9_./+-]+(?:\\|[A-Za-z0-9_./+-]+)+)\\)?\\$?");

    private Enumerations() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(Enumerations::visit);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(operation -> {
                        if (operation.getParameters() != null) {
                            operation.getParameters().forEach(parameter -> visit(parameter.getSchema()));
                        }
                    });
                }
                if (item.getParameters() != null) {
                    item.getParameters().forEach(parameter -> visit(parameter.getSchema()));
                }
            });
        }
    }

    private static void visit(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getPattern() != null) {
            var words = WORDS.matcher(schema.getPattern());
            if (words.matches()) {
                schema.setEnumeration(new ArrayList<>(Arrays.asList((Object[]) words.group(1).split("\\|"))));
                schema.setPattern(null);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(Enumerations::visit);
        }
        visit(schema.getItems());
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(Enumerations::visit);
            }
        }
    }
}
