package io.qbank.deploy;

import static io.qbank.deploy.EndToEndIT.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * The services verify Keycloak's tokens and nothing else: signed in through the front door, each role reaches each service
 * as its rules say; a token for another audience, of another realm (its key and issuer), expired, tampered, forged with a key
 * of its own or unsigned is refused with 401 by every service; the realm's keys rotate without a restart of any service.
 */
class TokensIT {

    static final String TENANT = Identity.tenant("e2e-tokens");
    static final ObjectMapper JSON = new ObjectMapper();
    /** A read of each service that an admin of the tenant may make (200). */
    static final List<String> READS = List.of("/api/v1/authoring/topics", "/api/v1/quizzes", "/api/v1/generation/materials",
            "/api/v1/reviews/due", "/api/v1/analytics/cohorts/daily");

    private static int status(String token, String path) {
        return given().header("Authorization", "Bearer " + token).get(Identity.FRONT_DOOR + path).statusCode();
    }

    private static void refusedEverywhere(String token, String why) {
        for (String path : READS) {
            io.restassured.response.Response response = given().header("Authorization", "Bearer " + token).get(Identity.FRONT_DOOR + path);
            assertThat(response.statusCode()).as(why + " at " + path).isEqualTo(401);
            assertThat(response.contentType()).as(why + " at " + path).startsWith("application/problem+json");
        }
    }

    private static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static String encode(JsonNode node) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    private static String signed(JsonNode header, JsonNode claims, PrivateKey key) throws Exception {
        String content = encode(header) + "." + encode(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(content.getBytes(StandardCharsets.US_ASCII));
        return content + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    @Test
    void everyRoleSignsInAndReachesWhatItsRoleAllows() throws Exception {
        Map<String, Identity.User> users = Map.of("student", Identity.user(TENANT, "student"), "author", Identity.user(TENANT, "author"),
                "publisher", Identity.user(TENANT, "publisher"), "admin", Identity.user(TENANT, "admin"));
        users.forEach((role, user) -> {
            try {
                JsonNode claims = part(user.token(), 1);
                assertThat(claims.get("iss").asText()).isEqualTo(Identity.ISSUER);
                assertThat(claims.get("sub").asText()).isEqualTo(user.id().toString());
                assertThat(claims.get("tenant").asText()).isEqualTo(TENANT);
                assertThat(claims.get("aud").asText()).isEqualTo("qbank-api");
                assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
                assertThat(JSON.convertValue(claims.get("groups"), List.class)).contains(role);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the roles' rules at each service, and the tenant of the token in what they see
        for (String path : READS) {
            assertThat(status(users.get("admin").token(), path)).as("admin " + path).isEqualTo(200);
        }
        assertThat(status(users.get("student").token(), "/api/v1/authoring/items")).isEqualTo(403);
        assertThat(status(users.get("student").token(), "/api/v1/authoring/topics")).isEqualTo(200);
        assertThat(status(users.get("student").token(), "/api/v1/reviews/due")).isEqualTo(200);
        assertThat(status(users.get("author").token(), "/api/v1/analytics/cohorts/daily")).isEqualTo(403);
        assertThat(status(users.get("publisher").token(), "/api/v1/analytics/cohorts/daily")).isEqualTo(200);
        String topic = as(users.get("author").token()).body(Map.of("name", "Tokens", "blueprintCode", "TK"))
                .post(Identity.FRONT_DOOR + "/api/v1/authoring/topics").then().statusCode(201).extract().path("id");
        as(users.get("publisher").token()).get(Identity.FRONT_DOOR + "/api/v1/authoring/topics/" + topic).then().statusCode(200);
        String elsewhere = Identity.token(Identity.tenant("e2e-other"), "admin");
        as(elsewhere).get(Identity.FRONT_DOOR + "/api/v1/authoring/topics/" + topic).then().statusCode(404);
        // the admin API of the tenant: an admin only
        as(users.get("student").token()).get(Identity.FRONT_DOOR + "/api/v1/authoring/users").then().statusCode(403);
        as(users.get("admin").token()).get(Identity.FRONT_DOOR + "/api/v1/authoring/users").then().statusCode(200)
                .body("users.size()", equalTo(4));
    }

    @Test
    void tokensThatAreNotTheRealmsOwnForTheApiAreRefusedByEveryService() throws Exception {
        String good = Identity.token(TENANT, "admin");
        assertThat(status(good, READS.get(0))).isEqualTo(200);
        JsonNode header = part(good, 0), claims = part(good, 1);

        refusedEverywhere(Identity.serviceAccountToken(), "a token of the realm for another audience (Keycloak's admin API)");
        refusedEverywhere(Identity.masterAdminToken(), "a token of another realm: its key and its issuer");

        ObjectNode otherTenant = claims.deepCopy();
        otherTenant.put("tenant", "another-tenant");
        String[] parts = good.split("\\.");
        refusedEverywhere(parts[0] + "." + encode(otherTenant) + "." + parts[2], "a tampered token (its tenant changed)");

        ObjectNode none = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        refusedEverywhere(encode(none) + "." + encode(claims) + ".", "an unsigned token (alg none)");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        refusedEverywhere(signed(header, claims, foreign), "a token signed by a key of its own, with the realm's key id");
        ObjectNode otherKid = header.deepCopy();
        otherKid.put("kid", UUID.randomUUID().toString());
        refusedEverywhere(signed(otherKid, claims, foreign), "a token signed by a key of its own, with a key id the realm has not");

        refusedEverywhere(good.substring(0, good.length() - 4) + "AAAA", "a token with a broken signature");
        assertThat(status(good, READS.get(0))).as("the good token still works").isEqualTo(200);
    }

    @Test
    void theRealmsKeysRotateWithoutARestartAndExpiredTokensAreRefused() throws Exception {
        String master = Identity.masterAdminToken();
        String realmId = given().header("Authorization", "Bearer " + master).get(Identity.ADMIN_API).then().statusCode(200)
                .extract().path("id");
        // a client of the realm whose access tokens live 2 seconds, for a token that expires during this test
        String clientId = "e2e-short-" + UUID.randomUUID().toString().substring(0, 8);
        String client = given().header("Authorization", "Bearer " + master).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                        "defaultClientScopes", List.of("qbank"),
                        "attributes", Map.of("access.token.lifespan", "2", "pkce.code.challenge.method", "S256")))
                .post(Identity.ADMIN_API + "/clients").then().statusCode(201).extract().header("Location");
        String rotated = null;
        try {
            Identity.User admin = Identity.user(TENANT, "admin");
            String shortLived = given().formParam("grant_type", "password").formParam("client_id", clientId)
                    .formParam("username", admin.username()).formParam("password", admin.password())
                    .post(Identity.REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
            long expires = part(shortLived, 1).get("exp").asLong();
            for (String path : READS) {
                assertThat(status(shortLived, path)).as("a fresh token at " + path).isEqualTo(200);
            }
            String before = admin.token();
            String oldKid = part(before, 0).get("kid").asText();

            // a new RSA key, of a higher priority than the realm's: Keycloak signs with it from now on
            rotated = given().header("Authorization", "Bearer " + master).contentType(ContentType.JSON)
                    .body(Map.of("name", "e2e-rotated", "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider",
                            "parentId", realmId, "config", Map.of("priority", List.of("1000"), "keySize", List.of("2048"),
                                    "active", List.of("true"), "enabled", List.of("true"), "algorithm", List.of("RS256"))))
                    .post(Identity.ADMIN_API + "/components").then().statusCode(201).extract().header("Location");
            String after = Identity.signIn(admin.username(), admin.password());
            assertThat(part(after, 0).get("kid").asText()).isNotEqualTo(oldKid);
            // each service fetches the realm's keys again for a key id it has not seen (at most once a minute)
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> READS.stream().allMatch(path -> status(after, path) == 200));
            System.out.printf("[tokens] every service accepted the rotated key after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            for (String path : READS) {
                assertThat(status(before, path)).as("a token of the previous key at " + path).isEqualTo(200);
            }

            // past its expiry and the clock skew (60 s), the short-lived token is refused everywhere
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> System.currentTimeMillis() / 1000 > expires + 61);
            refusedEverywhere(shortLived, "an expired token");
        } finally {
            String again = Identity.masterAdminToken(); // the master realm's tokens live a minute
            if (rotated != null) {
                given().header("Authorization", "Bearer " + again).delete(rotated).then().statusCode(204);
            }
            given().header("Authorization", "Bearer " + again).delete(client).then().statusCode(204);
        }
    }

    @Test
    void theRealmRefusesBrowserClientsWithoutExactRedirectsOrPkce() {
        String master = Identity.masterAdminToken();
        String clientId = "e2e-browser-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + master).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                        "redirectUris", List.of("http://127.0.0.1:8080/*"), "attributes", Map.of("pkce.code.challenge.method", "S256")))
                .post(Identity.ADMIN_API + "/clients").then().statusCode(400).body("error_description", startsWith("Invalid Redirect Uri"));
        given().header("Authorization", "Bearer " + master).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                        "redirectUris", List.of("http://127.0.0.1:8080/auth/callback")))
                .post(Identity.ADMIN_API + "/clients").then().statusCode(400).body("error", equalTo("invalid_client_metadata"));
        given().header("Authorization", "Bearer " + master).queryParam("clientId", clientId).get(Identity.ADMIN_API + "/clients")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
