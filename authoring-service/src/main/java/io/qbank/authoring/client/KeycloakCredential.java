package io.qbank.authoring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Keycloak's CredentialRepresentation for a password. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakCredential(String type, String value, Boolean temporary) {

    public static KeycloakCredential password(String value, boolean temporary) {
        return new KeycloakCredential("password", value, temporary);
    }
}
