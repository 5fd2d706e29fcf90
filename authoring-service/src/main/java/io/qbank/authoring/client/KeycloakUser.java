package io.qbank.authoring.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Keycloak's UserRepresentation, the fields tenant administration reads or writes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakUser(
        String id,
        String username,
        String email,
        String firstName,
        String lastName,
        Boolean enabled,
        Boolean emailVerified,
        Long createdTimestamp,
        Map<String, List<String>> attributes,
        List<String> requiredActions,
        List<KeycloakCredential> credentials) {

    public static final String TENANT_ATTRIBUTE = "tenant";

    /** The user's tenant, or null: the attribute holds one value. */
    public String tenant() {
        List<String> values = attributes == null ? null : attributes.get(TENANT_ATTRIBUTE);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    public KeycloakUser withEnabled(boolean value) {
        return new KeycloakUser(id, username, email, firstName, lastName, value, emailVerified, createdTimestamp, attributes,
                requiredActions, null);
    }
}
