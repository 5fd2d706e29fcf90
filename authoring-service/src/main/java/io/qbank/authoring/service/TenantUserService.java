package io.qbank.authoring.service;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qbank.authoring.client.KeycloakAdmin;
import io.qbank.authoring.client.KeycloakCredential;
import io.qbank.authoring.client.KeycloakRole;
import io.qbank.authoring.client.KeycloakUser;
import io.qbank.authoring.domain.Role;
import io.qbank.common.error.ApiException;
import io.qbank.common.security.CurrentUser;
import io.quarkus.oidc.client.OidcClientException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tenant administration: an admin lists, adds, disables and enables users of their own tenant, sets their roles and their
 * passwords, through Keycloak's admin API with the {@code qbank-admin-api} service account. Every user is looked up by id and
 * checked against the caller's tenant before anything is read or changed; another tenant's user, like an unknown one, is 404.
 * The tenant of a new user is the caller's, never the request's.
 */
@ApplicationScoped
public class TenantUserService {

    private static final Logger LOG = Logger.getLogger(TenantUserService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakAdmin keycloak;

    public TenantUserService(@RestClient KeycloakAdmin keycloak) {
        this.keycloak = keycloak;
    }

    public Uni<TenantUserPage> list(CurrentUser admin, String search, int page, int size) {
        // Keycloak matches attributes case-insensitively; tenant ids are lower case (the realm's user profile), and
        // the exact comparison below keeps any other tenant out all the same.
        return call(keycloak.users(KeycloakUser.TENANT_ATTRIBUTE + ":" + admin.tenantId(), search, page * size, size + 1, false))
                .flatMap(found -> {
                    List<KeycloakUser> mine = found.stream().filter(u -> admin.tenantId().equals(u.tenant())).toList();
                    List<KeycloakUser> shown = mine.subList(0, Math.min(size, mine.size()));
                    if (shown.isEmpty()) {
                        return Uni.createFrom().item(new TenantUserPage(List.of(), page, size, false));
                    }
                    return Uni.join().all(shown.stream().map(this::withRoles).toList()).andFailFast()
                            .map(users -> new TenantUserPage(users, page, size, found.size() > size));
                });
    }

    public Uni<TenantUser> get(CurrentUser admin, UUID userId) {
        return member(admin, userId).flatMap(this::withRoles);
    }

    public Uni<TenantUser> create(CurrentUser admin, NewTenantUser user) {
        KeycloakUser created = new KeycloakUser(null, user.username(), user.email(), user.firstName(), user.lastName(), true,
                false, null, Map.of(KeycloakUser.TENANT_ATTRIBUTE, List.of(admin.tenantId())), List.of(),
                List.of(KeycloakCredential.password(user.password(), user.temporaryPassword())));
        return call(keycloak.create(created))
                .map(response -> idFrom(response.getLocation()))
                .flatMap(id -> setRoles(id, user.roles())
                        // a user without their roles would be a half-made one: taken away again, the admin told
                        .onFailure().call(failure -> call(keycloak.delete(id.toString())).onFailure().recoverWithNull())
                        .replaceWith(id))
                .flatMap(id -> get(admin, id));
    }

    public Uni<TenantUser> setRoles(CurrentUser admin, UUID userId, Set<Role> roles) {
        if (userId.equals(admin.userId()) && !roles.contains(Role.admin)) {
            return Uni.createFrom().failure(ApiException.conflict("an admin cannot take the admin role from themselves"));
        }
        return member(admin, userId).chain(() -> setRoles(userId, roles)).chain(() -> get(admin, userId));
    }

    public Uni<TenantUser> setEnabled(CurrentUser admin, UUID userId, boolean enabled) {
        if (userId.equals(admin.userId()) && !enabled) {
            return Uni.createFrom().failure(ApiException.conflict("an admin cannot disable themselves"));
        }
        return member(admin, userId)
                .flatMap(user -> call(keycloak.update(user.id(), user.withEnabled(enabled))))
                // a disabled user's sessions end at once; their access tokens expire within minutes
                .chain(() -> enabled ? Uni.createFrom().voidItem() : call(keycloak.logout(userId.toString())))
                .chain(() -> get(admin, userId));
    }

    public Uni<Void> setPassword(CurrentUser admin, UUID userId, String password, boolean temporary) {
        return member(admin, userId)
                .flatMap(user -> call(keycloak.resetPassword(user.id(), KeycloakCredential.password(password, temporary))));
    }

    /** The user, when they belong to the admin's tenant; else 404, as for a user that does not exist. */
    /** The names of the given users of the caller's tenant; ids of no such user (or of another tenant's) are left out. */
    public Uni<List<Colleague>> colleagues(CurrentUser caller, List<UUID> ids) {
        return Multi.createFrom().iterable(ids.stream().distinct().toList())
                .onItem().transformToUniAndConcatenate(id -> member(caller, id)
                        .map(u -> new Colleague(id, nameOf(u)))
                        .onFailure(f -> f instanceof ApiException e && e.status() == 404).recoverWithNull())
                .collect().asList();
    }

    private static String nameOf(KeycloakUser user) {
        String name = ((user.firstName() == null ? "" : user.firstName()) + " " + (user.lastName() == null ? "" : user.lastName())).strip();
        return name.isEmpty() ? user.username() : name;
    }

    private Uni<KeycloakUser> member(CurrentUser admin, UUID userId) {
        return call(keycloak.user(userId.toString()))
                .onFailure(ApiException.class).transform(failure -> ((ApiException) failure).status() == 404
                        ? ApiException.notFound("user", userId)
                        : failure)
                .map(user -> {
                    if (!admin.tenantId().equals(user.tenant())) {
                        throw ApiException.notFound("user", userId);
                    }
                    return user;
                });
    }

    private Uni<TenantUser> withRoles(KeycloakUser user) {
        return call(keycloak.realmRoles(user.id())).map(roles -> new TenantUser(UUID.fromString(user.id()), user.username(),
                user.email(), user.firstName(), user.lastName(), Boolean.TRUE.equals(user.enabled()), roles(roles),
                user.requiredActions() != null && user.requiredActions().contains("UPDATE_PASSWORD"),
                user.createdTimestamp() == null ? null : Instant.ofEpochMilli(user.createdTimestamp())));
    }

    /** Gives the user exactly these of the suite's roles (Keycloak's own, such as default-roles-qbank, stay as they are). */
    private Uni<Void> setRoles(UUID userId, Set<Role> roles) {
        String id = userId.toString();
        return Uni.combine().all().unis(call(keycloak.realmRoles(id)), call(keycloak.availableRealmRoles(id))).asTuple()
                .flatMap(held -> {
                    List<KeycloakRole> added = held.getItem2().stream().filter(r -> named(roles, r)).toList();
                    List<KeycloakRole> removed = held.getItem1().stream().filter(r -> named(EnumSet.allOf(Role.class), r))
                            .filter(r -> !named(roles, r)).toList();
                    Uni<Void> add = added.isEmpty() ? Uni.createFrom().voidItem() : call(keycloak.addRealmRoles(id, added));
                    return add.chain(() -> removed.isEmpty() ? Uni.createFrom().voidItem()
                            : call(keycloak.removeRealmRoles(id, removed)));
                });
    }

    private static boolean named(Set<Role> roles, KeycloakRole role) {
        return roles.stream().anyMatch(r -> r.name().equals(role.name()));
    }

    /** The suite's roles among a user's realm roles (Keycloak's own, such as default-roles-qbank, left out). */
    private static EnumSet<Role> roles(List<KeycloakRole> realmRoles) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (KeycloakRole role : realmRoles) {
            for (Role known : Role.values()) {
                if (known.name().equals(role.name())) {
                    roles.add(known);
                }
            }
        }
        return roles;
    }

    private static UUID idFrom(URI location) {
        String path = location.getPath();
        return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
    }

    /** Keycloak's refusals as the suite's problems; an identity provider that does not answer as 503. */
    private static <T> Uni<T> call(Uni<T> request) {
        return request.onFailure().transform(failure -> {
            if (failure instanceof ApiException) {
                return failure;
            }
            if (failure instanceof WebApplicationException e) {
                int status = e.getResponse().getStatus();
                String message = message(e);
                return switch (status) {
                    case 404 -> new ApiException(404, "Not found", message);
                    case 409 -> ApiException.conflict("a user with this username or e-mail already exists");
                    case 400 -> ApiException.unprocessable(message, List.of());
                    default -> unavailable(failure);
                };
            }
            return failure instanceof ProcessingException || failure instanceof OidcClientException
                    || failure.getCause() instanceof java.net.ConnectException ? unavailable(failure) : failure;
        });
    }

    private static ApiException unavailable(Throwable failure) {
        LOG.warnf("the identity provider's admin API failed: %s", failure.toString());
        return ApiException.serviceUnavailable("the identity provider does not answer; try again shortly");
    }

    /** Keycloak's own words for a refusal ({@code errorMessage} or {@code error_description}), else its status. */
    private static String message(WebApplicationException e) {
        try {
            JsonNode body = JSON.readTree(e.getResponse().readEntity(String.class));
            for (String field : new String[] { "errorMessage", "error_description", "error" }) {
                if (body != null && body.hasNonNull(field)) {
                    return body.get(field).asText();
                }
            }
        } catch (Exception unreadable) {
            // no body, or not JSON: the status says it
        }
        return "the identity provider refused the request (" + e.getResponse().getStatus() + ")";
    }
}
