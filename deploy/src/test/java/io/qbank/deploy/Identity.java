package io.qbank.deploy;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Users of fresh tenants in the local Keycloak, signed in as a browser's scripts would: each test makes its own tenant, its
 * users are created through Keycloak's admin API (the qbank-admin-api service account, as the suite's tenant administration
 * does), and their tokens come from the password grant of the qbank-cli client through the front door. The tenants' users
 * are removed when the test JVM exits.
 */
final class Identity {

    static final String FRONT_DOOR = System.getProperty("qbank.front-door.url", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("qbank.identity.url", "http://127.0.0.1:8180");
    static final String REALM = KEYCLOAK + "/realms/qbank";
    static final String ADMIN_API = KEYCLOAK + "/admin/realms/qbank";
    static final String ISSUER = FRONT_DOOR + "/realms/qbank";

    record User(UUID id, String username, String password, String token) {
    }

    private static final Set<String> TENANTS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Identity::removeTheTenantsUsers));
    }

    private Identity() {
    }

    /** A tenant id of its own for a test: lower case, as the realm's user profile requires. */
    static String tenant(String prefix) {
        String tenant = prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TENANTS.add(tenant);
        return tenant;
    }

    /** A new user of the tenant with these roles, signed in. */
    static User user(String tenant, String... roles) {
        String username = tenant + "." + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        String admin = serviceAccountToken();
        Response created = given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "attributes", Map.of("tenant", List.of(tenant)),
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(ADMIN_API + "/users");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the user: " + created.statusCode() + " " + created.asString());
        }
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<Map<String, Object>> available = given().header("Authorization", "Bearer " + admin)
                .get(ADMIN_API + "/users/" + id + "/role-mappings/realm/available").then().statusCode(200).extract().path("$");
        List<Map<String, Object>> wanted = available.stream().filter(r -> List.of(roles).contains(r.get("name"))).toList();
        if (wanted.size() != roles.length) {
            throw new IllegalStateException("the realm lacks a role of " + List.of(roles));
        }
        given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON).body(wanted)
                .post(ADMIN_API + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
        return new User(UUID.fromString(id), username, password, signIn(username, password));
    }

    /** A new user's access token. */
    static String token(String tenant, String... roles) {
        return user(tenant, roles).token();
    }

    /** The password grant of the scripts' client, through the front door. */
    static String signIn(String username, String password) {
        return passwordGrant(username, password).then().statusCode(200).extract().path("access_token");
    }

    static Response passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "qbank-cli").formParam("username", username)
                .formParam("password", password).post(FRONT_DOOR + "/realms/qbank/protocol/openid-connect/token");
    }

    /** The token of the realm's qbank-admin-api service account (no qbank-api audience: not a token for the services). */
    static String serviceAccountToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "qbank-admin-api")
                .formParam("client_secret", System.getProperty("qbank.identity.admin-api-secret", "local-admin-api-secret"))
                .post(REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /** An access token of the master realm's bootstrap admin (local only): for what the service account may not do. */
    static String masterAdminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli").formParam("username", "admin")
                .formParam("password", System.getProperty("qbank.keycloak.admin-password", "admin-local-only"))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static void removeTheTenantsUsers() {
        try {
            String admin = serviceAccountToken();
            for (String tenant : TENANTS) {
                List<String> ids = given().header("Authorization", "Bearer " + admin).queryParam("q", "tenant:" + tenant)
                        .queryParam("max", 1000).queryParam("briefRepresentation", true).get(ADMIN_API + "/users").path("id");
                ids.forEach(id -> given().header("Authorization", "Bearer " + admin).delete(ADMIN_API + "/users/" + id));
            }
        } catch (RuntimeException e) {
            System.err.println("[identity] could not remove the test tenants' users: " + e);
        }
    }
}
