package io.qbank.authoring.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qbank.authoring.client.KeycloakAdmin;
import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Tenant administration against the real Keycloak of deploy/local/infra.sh: the callers carry test tokens of fresh tenants,
 * the users they create are real users of the realm, and their sign-in (the password grant of the qbank-cli client) shows
 * what the identity provider will put in their tokens.
 */
@QuarkusTest
class TenantUsersTest {

    private static final String USERS = "/api/v1/authoring/users";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @RestClient
    KeycloakAdmin keycloak;

    private final String tenantA = tenant(), tenantB = tenant();
    private final UUID adminA = UUID.randomUUID(), adminB = UUID.randomUUID();
    private final List<String> created = new ArrayList<>();

    private static String tenant() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @AfterEach
    void removeTheUsers() {
        created.forEach(id -> keycloak.delete(id).await().indefinitely());
    }

    private RequestSpecification as(UUID user, String tenant, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenant, roles)).contentType("application/json");
    }

    private Map<String, Object> newUser(String username, String password, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@example.edu");
        body.put("firstName", "Jordan");
        body.put("lastName", "Lee");
        body.put("roles", List.of(roles));
        body.put("password", password);
        body.put("temporaryPassword", false);
        return body;
    }

    private String create(UUID admin, String tenant, String username, String... roles) {
        String id = as(admin, tenant, "admin").body(newUser(username, username + "-password", roles)).post(USERS)
                .then().statusCode(201).extract().path("id");
        created.add(id);
        return id;
    }

    /** The password grant of the scripts' client: the user's access token claims, or the refusal's status. */
    private static Response signIn(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "qbank-cli").formParam("username", username)
                .formParam("password", password)
                .post(ConfigProvider.getConfig().getValue("qbank.identity.url", String.class) + "/realms/qbank/protocol/openid-connect/token");
    }

    private static JsonNode claims(Response signIn) throws Exception {
        String token = signIn.then().statusCode(200).extract().path("access_token");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void anAdminAddsAUserToTheirOwnTenantAndTheTokensSaySo() throws Exception {
        String username = tenantA + ".jordan";
        Map<String, Object> body = newUser(username, username + "-password", "student", "author");
        Response response = as(adminA, tenantA, "admin").body(body).post(USERS);
        String id = response.then().statusCode(201)
                .body("username", equalTo(username)).body("roles", containsInAnyOrder("student", "author"))
                .body("enabled", equalTo(true)).body("passwordChangeRequired", equalTo(false))
                .extract().path("id");
        created.add(id);
        assertThat(response.header("Location")).endsWith(USERS + "/" + id);

        JsonNode claims = claims(signIn(username, username + "-password"));
        assertThat(claims.get("sub").asText()).isEqualTo(id);
        assertThat(claims.get("tenant").asText()).isEqualTo(tenantA);
        assertThat(claims.get("aud").asText()).isEqualTo("qbank-api");
        assertThat(JSON.convertValue(claims.get("groups"), List.class)).contains("student", "author").doesNotContain("admin", "publisher");

        as(adminA, tenantA, "admin").get(USERS).then().statusCode(200).body("users.id", hasItem(id));
        as(adminA, tenantA, "admin").get(USERS + "/" + id).then().statusCode(200).body("email", equalTo(username + "@example.edu"));
    }

    @Test
    void colleaguesOfTheTenantAreKnownByNameAndNothingElse() {
        String jordan = create(adminA, tenantA, tenantA + ".jordan", "author");
        String other = create(adminB, tenantB, tenantB + ".sam", "publisher");
        UUID author = UUID.randomUUID();
        as(author, tenantA, "author").queryParam("ids", jordan, other, UUID.randomUUID().toString()).get("/api/v1/authoring/colleagues")
                .then().statusCode(200).body("id", equalTo(List.of(jordan))).body("[0].name", equalTo("Jordan Lee"))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("email")));
        as(author, tenantB, "publisher").queryParam("ids", jordan).get("/api/v1/authoring/colleagues").then().statusCode(200).body("", empty());
        assertProblem(as(author, tenantA, "student").queryParam("ids", jordan).get("/api/v1/authoring/colleagues").then(), 403);
        assertProblem(as(author, tenantA, "author").get("/api/v1/authoring/colleagues").then(), 400);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(UUID.randomUUID().toString());
        }
        assertProblem(as(author, tenantA, "author").queryParam("ids", many).get("/api/v1/authoring/colleagues").then(), 400);
    }

    @Test
    void anAdminNeitherSeesNorTouchesAnotherTenantsUsers() {
        String inB = create(adminB, tenantB, tenantB + ".sam", "student");
        String inA = create(adminA, tenantA, tenantA + ".sam", "student");

        as(adminA, tenantA, "admin").get(USERS).then().statusCode(200).body("users.id", hasItem(inA)).body("users.id", not(hasItem(inB)));
        as(adminA, tenantA, "admin").queryParam("search", tenantB).get(USERS).then().statusCode(200).body("users", empty());
        assertProblem(as(adminA, tenantA, "admin").get(USERS + "/" + inB).then(), 404);
        assertProblem(as(adminA, tenantA, "admin").body(Map.of("roles", List.of("admin"))).put(USERS + "/" + inB + "/roles").then(), 404);
        assertProblem(as(adminA, tenantA, "admin").body(Map.of("enabled", false)).put(USERS + "/" + inB + "/enabled").then(), 404);
        assertProblem(as(adminA, tenantA, "admin").body(Map.of("password", "taken-over-by-a", "temporary", false))
                .put(USERS + "/" + inB + "/password").then(), 404);
        // a tenant id that differs only in case is another tenant too
        assertProblem(as(adminA, tenantB.toUpperCase(), "admin").get(USERS + "/" + inB).then(), 404);
        // an unknown id answers as another tenant's does
        assertProblem(as(adminA, tenantA, "admin").get(USERS + "/" + UUID.randomUUID()).then(), 404);

        // B's user is untouched: still a student, enabled, with the old password
        as(adminB, tenantB, "admin").get(USERS + "/" + inB).then().statusCode(200).body("roles", equalTo(List.of("student")))
                .body("enabled", equalTo(true));
        signIn(tenantB + ".sam", tenantB + ".sam-password").then().statusCode(200);
    }

    @Test
    void onlyAnAdminReachesTheUsers() {
        String id = create(adminA, tenantA, tenantA + ".kim", "student");
        for (String role : List.of("student", "author", "publisher")) {
            assertProblem(as(UUID.randomUUID(), tenantA, role).get(USERS).then(), 403);
            assertProblem(as(UUID.randomUUID(), tenantA, role).get(USERS + "/" + id).then(), 403);
            assertProblem(as(UUID.randomUUID(), tenantA, role).body(newUser(tenantA + ".x" + role, "long-enough-password", "admin"))
                    .post(USERS).then(), 403);
            assertProblem(as(UUID.randomUUID(), tenantA, role).body(Map.of("roles", List.of("admin")))
                    .put(USERS + "/" + id + "/roles").then(), 403);
        }
        assertProblem(given().get(USERS).then(), 401);
    }

    @Test
    void rolesPasswordsAndDisablingTakeEffectAtSignIn() throws Exception {
        String username = tenantA + ".alex";
        String id = create(adminA, tenantA, username, "student");

        as(adminA, tenantA, "admin").body(Map.of("roles", List.of("publisher"))).put(USERS + "/" + id + "/roles").then()
                .statusCode(200).body("roles", equalTo(List.of("publisher")));
        assertThat(JSON.convertValue(claims(signIn(username, username + "-password")).get("groups"), List.class))
                .contains("publisher").doesNotContain("student");

        as(adminA, tenantA, "admin").body(Map.of("password", "a-brand-new-password", "temporary", false))
                .put(USERS + "/" + id + "/password").then().statusCode(204);
        signIn(username, username + "-password").then().statusCode(400).body("error", equalTo("invalid_grant"));
        claims(signIn(username, "a-brand-new-password"));

        as(adminA, tenantA, "admin").body(Map.of("enabled", false)).put(USERS + "/" + id + "/enabled").then().statusCode(200)
                .body("enabled", equalTo(false));
        signIn(username, "a-brand-new-password").then().statusCode(400).body("error", equalTo("invalid_grant"));
        as(adminA, tenantA, "admin").body(Map.of("enabled", true)).put(USERS + "/" + id + "/enabled").then().statusCode(200);
        claims(signIn(username, "a-brand-new-password"));

        // a temporary password (the default) must be changed first: no token by password grant until then
        as(adminA, tenantA, "admin").body(Map.of("password", "a-temporary-password")).put(USERS + "/" + id + "/password").then()
                .statusCode(204);
        as(adminA, tenantA, "admin").get(USERS + "/" + id).then().body("passwordChangeRequired", equalTo(true));
        signIn(username, "a-temporary-password").then().statusCode(400).body("error_description", containsString("not fully set up"));
    }

    @Test
    void badInputChangesNothing() {
        String username = tenantA + ".robin";
        // the identity provider's password policy (not the username) is the service's answer too
        assertThat(username.length()).isGreaterThanOrEqualTo(12);
        assertProblem(as(adminA, tenantA, "admin").body(newUser(username, username, "student")).post(USERS).then(), 422);
        assertProblem(as(adminA, tenantA, "admin").body(newUser(username, "long-enough-password", "superuser")).post(USERS).then(), 400);
        Map<String, Object> withTenant = newUser(username, "long-enough-password", "student");
        withTenant.put("tenant", tenantB);
        assertProblem(as(adminA, tenantA, "admin").body(withTenant).post(USERS).then(), 400);
        assertProblem(as(adminA, tenantA, "admin").body(newUser("Upper Case", "long-enough-password", "student")).post(USERS).then(), 400);
        assertProblem(as(adminA, tenantA, "admin").body(newUser(username, "short", "student")).post(USERS).then(), 400);
        assertProblem(as(adminA, tenantA, "admin").body(newUser(username, "long-enough-password")).post(USERS).then(), 400);
        as(adminA, tenantA, "admin").queryParam("search", username).get(USERS).then().statusCode(200)
                .body("users", empty());

        String id = create(adminA, tenantA, username, "student");
        assertProblem(as(adminA, tenantA, "admin").body(newUser(username, "long-enough-password", "student")).post(USERS).then(), 409);
        assertProblem(as(adminA, tenantA, "admin").body(Map.of("password", username, "temporary", false))
                .put(USERS + "/" + id + "/password").then(), 422);
        signIn(username, username + "-password").then().statusCode(200);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        String boss = create(adminA, tenantA, tenantA + ".boss", "admin");
        UUID self = UUID.fromString(boss);
        assertProblem(as(self, tenantA, "admin").body(Map.of("enabled", false)).put(USERS + "/" + boss + "/enabled").then(), 409);
        assertProblem(as(self, tenantA, "admin").body(Map.of("roles", List.of("author"))).put(USERS + "/" + boss + "/roles").then(), 409);
        as(self, tenantA, "admin").get(USERS + "/" + boss).then().statusCode(200).body("roles", equalTo(List.of("admin")))
                .body("enabled", equalTo(true));
    }
}
