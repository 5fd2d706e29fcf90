package io.qbank.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a JSON value is what an OpenAPI 3.1 schema says: its type (null only where the schema allows it), its enumeration,
 * and so on into objects' properties and arrays' items. What a client generated from the document relies on.
 */
final class Conformance {

    private Conformance() {
    }

    /** Where the value differs from the schema, one line each (empty when it conforms). */
    static List<String> violations(Object value, Map<String, Object> schema, Map<String, Object> document, String where) {
        List<String> found = new ArrayList<>();
        check(value, schema, document, where, found, 0);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void check(Object value, Map<String, Object> schema, Map<String, Object> document, String where, List<String> found,
            int depth) {
        if (schema == null || depth > 30) {
            return;
        }
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> target = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas")).get(ref.substring(ref.lastIndexOf('/') + 1));
            check(value, target, document, where, found, depth + 1);
            return;
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof List<?> parts) {
                if (combinator.equals("allOf")) {
                    parts.forEach(p -> check(value, (Map<String, Object>) p, document, where, found, depth + 1));
                } else if (parts.stream().noneMatch(p -> violations(value, (Map<String, Object>) p, document, where).isEmpty())) {
                    found.add(where + ": matches none of " + combinator);
                }
            }
        }
        List<String> types = types(schema);
        if (value == null) {
            if (!types.isEmpty() && !types.contains("null")) {
                found.add(where + ": null, but the schema says " + types);
            }
            return;
        }
        String actual = value instanceof Map ? "object" : value instanceof List ? "array" : value instanceof String ? "string"
                : value instanceof Boolean ? "boolean" : value instanceof Integer || value instanceof Long
                        || value instanceof java.math.BigInteger ? "integer" : "number";
        if (!types.isEmpty() && !types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
            found.add(where + ": " + actual + ", but the schema says " + types);
            return;
        }
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
            found.add(where + ": " + value + " is not one of " + values);
        }
        if (value instanceof Map<?, ?> object && schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> {
                if (object.containsKey(name)) {
                    check(object.get(name), (Map<String, Object>) property, document, where + "." + name, found, depth + 1);
                }
            });
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), (Map<String, Object>) items, document, where + "[" + i + "]", found, depth + 1);
            }
        }
    }

    private static List<String> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type instanceof String t) {
            types.add(t);
        } else if (type instanceof List<?> list) {
            list.forEach(t -> types.add(String.valueOf(t)));
        }
        return types;
    }
}
