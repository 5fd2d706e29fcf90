package io.qbank.authoring.client;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * The part of Keycloak's admin REST API that tenant administration needs, on the suite's realm
 * ({@code quarkus.rest-client.keycloak-admin.url} ends in {@code /admin/realms/<realm>}), called with the
 * {@code qbank-admin-api} service account's token. Keycloak answers an unknown user with 404 (a
 * {@code WebApplicationException}), a taken username or e-mail with 409 and a refused password with 400.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdmin {

    /** {@code q} searches attributes (case-insensitively); {@code search} the username, names and e-mail. */
    @GET
    @Path("/users")
    Uni<List<KeycloakUser>> users(@RestQuery String q, @RestQuery String search, @RestQuery int first, @RestQuery int max,
            @RestQuery boolean briefRepresentation);

    @GET
    @Path("/users/{id}")
    Uni<KeycloakUser> user(@RestPath String id);

    @POST
    @Path("/users")
    Uni<RestResponse<Void>> create(KeycloakUser user);

    @DELETE
    @Path("/users/{id}")
    Uni<Void> delete(@RestPath String id);

    /** Ends the user's sessions. */
    @POST
    @Path("/users/{id}/logout")
    Uni<Void> logout(@RestPath String id);

    @PUT
    @Path("/users/{id}")
    Uni<Void> update(@RestPath String id, KeycloakUser user);

    @PUT
    @Path("/users/{id}/reset-password")
    Uni<Void> resetPassword(@RestPath String id, KeycloakCredential credential);

    @GET
    @Path("/users/{id}/role-mappings/realm")
    Uni<List<KeycloakRole>> realmRoles(@RestPath String id);

    @POST
    @Path("/users/{id}/role-mappings/realm")
    Uni<Void> addRealmRoles(@RestPath String id, List<KeycloakRole> roles);

    @DELETE
    @Path("/users/{id}/role-mappings/realm")
    Uni<Void> removeRealmRoles(@RestPath String id, List<KeycloakRole> roles);

    /** The realm roles the user does not hold yet (with their ids, which a mapping needs). */
    @GET
    @Path("/users/{id}/role-mappings/realm/available")
    Uni<List<KeycloakRole>> availableRealmRoles(@RestPath String id);
}
