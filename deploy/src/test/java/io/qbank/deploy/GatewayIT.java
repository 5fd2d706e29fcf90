package io.qbank.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The front door (deploy/gateway, nginx on 8080): one origin for the web app, the five APIs and Keycloak, each route from
 * deploy/gateway/routes.txt, with its security headers, body caps and per-client rate limits.
 */
class GatewayIT {

    static final String GATEWAY = Identity.FRONT_DOOR;
    static final String TENANT = Identity.tenant("e2e-gateway");

    /** The routes of deploy/gateway/routes.txt that lead to an API: prefix and backend. */
    static List<String[]> apiRoutes() throws Exception {
        Path routes = Path.of(System.getProperty("qbank.root", "..")).resolve("deploy/gateway/routes.txt");
        return Files.readAllLines(routes).stream().filter(l -> l.startsWith("/api/")).map(l -> l.trim().split("\\s+")).toList();
    }

    private static void assertSecurityHeaders(Response response, String what) {
        assertThat(response.header("Content-Security-Policy")).as(what).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("Server")).as(what).isEqualTo("nginx"); // no version
    }

    @Test
    void eachPrefixReachesItsServiceAndNothingElse() throws Exception {
        String admin = Identity.token(TENANT, "admin");
        // a path that only the route's own service has: with a token 200 (or its own problem), from the service behind it
        Map<String, String> own = Map.of("/api/v1/authoring", "/topics", "/api/v1/quizzes", "", "/api/v1/generation", "/materials",
                "/api/v1/reviews", "/due", "/api/v1/analytics", "/cohorts/daily");
        List<String[]> routes = apiRoutes();
        assertThat(routes).extracting(r -> r[0]).containsExactlyInAnyOrderElementsOf(own.keySet());
        for (String[] route : routes) {
            Response response = given().header("Authorization", "Bearer " + admin).get(GATEWAY + route[0] + own.get(route[0]));
            assertThat(response.statusCode()).as(route[0] + " → " + route[1]).isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
            assertSecurityHeaders(response, route[0]);
            // the same request on the service's own port answers the same
            int port = Integer.parseInt(route[2]);
            assertThat(given().header("Authorization", "Bearer " + admin).get("http://127.0.0.1:" + port + route[0] + own.get(route[0]))
                    .statusCode()).isEqualTo(200);
            // a prefix matches whole path segments only
            given().get(GATEWAY + route[0] + "x/anything").then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
        given().get(GATEWAY + "/api/v2/anything").then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("no API answers at this path"));
        // what the services serve for operations, not for browsers, is not routed
        given().get(GATEWAY + "/q/health").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void theServicesAnswerNoCrossOriginRequestByDefault() throws Exception {
        String admin = Identity.token(TENANT, "admin");
        for (String[] route : apiRoutes()) {
            for (String base : List.of(GATEWAY, "http://127.0.0.1:" + route[2])) {
                Response preflight = given().header("Origin", "http://127.0.0.1:5173").header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization").options(base + route[0]);
                assertThat(preflight.header("Access-Control-Allow-Origin")).as("preflight at " + base + route[0]).isNull();
                Response read = given().header("Origin", "https://elsewhere.example").header("Authorization", "Bearer " + admin)
                        .get(base + route[0] + "/anything");
                assertThat(read.header("Access-Control-Allow-Origin")).as("read at " + base + route[0]).isNull();
            }
        }
    }

    @Test
    void theWebAppIsServedForEveryPathOfItsOwn() {
        Response index = given().get(GATEWAY + "/");
        index.then().statusCode(200).contentType(startsWith("text/html")).body(containsString("<div id=\"root\"></div>"));
        assertSecurityHeaders(index, "/");
        assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
        given().get(GATEWAY + "/quizzes/1234/review").then().statusCode(200).body(containsString("<div id=\"root\"></div>"));
        String asset = index.asString().replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        Response script = given().get(GATEWAY + asset);
        script.then().statusCode(200).contentType(containsString("javascript"));
        assertThat(script.header("Cache-Control")).contains("immutable");
        given().get(GATEWAY + "/assets/no-such-file.js").then().statusCode(404);
    }

    @Test
    void keycloakIsOnTheSameOrigin() {
        given().get(GATEWAY + "/realms/qbank/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(Identity.ISSUER))
                .body("authorization_endpoint", startsWith(GATEWAY + "/realms/qbank/"))
                .body("token_endpoint", startsWith(GATEWAY + "/realms/qbank/"))
                .body("code_challenge_methods_supported", org.hamcrest.Matchers.hasItem("S256"));
        // its login page, with its own headers (it frames itself for silent sign-in), and its assets
        Response login = given().redirects().follow(false).queryParam("client_id", "qbank-web").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", GATEWAY + "/auth/callback")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM").queryParam("code_challenge_method", "S256")
                .get(GATEWAY + "/realms/qbank/protocol/openid-connect/auth");
        login.then().statusCode(200).contentType(startsWith("text/html"));
        assertThat(login.header("Content-Security-Policy")).contains("frame-ancestors 'self'");
        String stylesheet = login.asString().replaceAll("(?s).*href=\"(/resources/[^\"]+\\.css)\".*", "$1");
        given().get(GATEWAY + stylesheet).then().statusCode(200);
        // a redirect URI that is not the client's exact one is refused
        given().redirects().follow(false).queryParam("client_id", "qbank-web").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", GATEWAY + "/auth/callback/../evil")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM").queryParam("code_challenge_method", "S256")
                .get(GATEWAY + "/realms/qbank/protocol/openid-connect/auth").then().statusCode(400);
    }

    @Test
    void anOversizedBodyIs413() {
        String admin = Identity.token(TENANT, "admin");
        given().header("Authorization", "Bearer " + admin).contentType("application/json").body("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .post(GATEWAY + "/api/v1/quizzes").then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
        // the same size is within generation's cap (4 MB): the service itself answers
        assertThat(given().header("Authorization", "Bearer " + admin).contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").post(GATEWAY + "/api/v1/generation/jobs").statusCode())
                .isNotEqualTo(413);
    }

    /** 150 requests at once with these headers: the answers. */
    private static List<HttpResponse<String>> burst(String... headers) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = headers.length == 0 ? HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/quizzes")).build()
                : HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/quizzes")).headers(headers).build();
        return IntStream.range(0, 150).mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList()
                .stream().map(CompletableFuture::join).toList();
    }

    @Test
    void aBurstOverTheRateIs429WithRetryAfterAndTheRateIsPerUser() throws Exception {
        String one = Identity.token(TENANT, "student"), other = Identity.token(TENANT, "student");
        List<HttpResponse<String>> answers = burst("Authorization", "Bearer " + one);
        List<HttpResponse<String>> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).as("some of 150 requests at once are over the rate").isNotEmpty();
        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).as("the burst within the rate reaches the service").isNotEmpty();
        assertThat(limited.get(0).headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.get(0).headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(limited.get(0).body()).contains("\"status\":429");
        // another user from the same address is not held back by the first one's burst
        assertThat(given().header("Authorization", "Bearer " + other).get(GATEWAY + "/api/v1/quizzes").statusCode()).isEqualTo(200);
        // without a token, the address is the client
        assertThat(burst().stream().filter(r -> r.statusCode() == 429)).isNotEmpty();
        Thread.sleep(3000); // the buckets refill (40 requests at 20 a second) before the next test
    }
}
