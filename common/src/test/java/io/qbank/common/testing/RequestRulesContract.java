package io.qbank.common.testing;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * The contract's token rules and request limits, wired into a service: each service's {@code RequestRulesTest} extends
 * this with one of its endpoints that an admin may read (GET, 200 with a good token).
 */
public abstract class RequestRulesContract {

    private final UUID user = UUID.randomUUID();
    private final String tenant = "t-" + UUID.randomUUID();

    /** A GET path of the service that answers 200 to {@link #role()} with a well-formed token. */
    protected abstract String path();

    protected String role() {
        return "admin";
    }

    private Response get(String token) {
        return given().header("Authorization", "Bearer " + token).get(path());
    }

    private String claims(String tenantJson, String groupsJson, long iat, long exp, String audience) {
        return """
                {"iss":"%s","aud":"%s","sub":"%s","tenant":%s,"groups":%s,"iat":%d,"exp":%d}"""
                .formatted(TestTokens.ISSUER, audience, user, tenantJson, groupsJson, iat, exp);
    }

    private String token(String tenantJson, String groupsJson, long iat, long exp) {
        return TestTokens.signed("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims(tenantJson, groupsJson, iat, exp, TestTokens.AUDIENCE));
    }

    private String groups() {
        return "[\"" + role() + "\"]";
    }

    private long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aWellFormedTokenIsAccepted() {
        get(token("\"" + tenant + "\"", groups(), now(), now() + 300)).then().statusCode(200);
        get(TestTokens.signed("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", claims("\"" + tenant + "\"", groups(), now(), now() + 300,
                TestTokens.AUDIENCE))).then().statusCode(200);
    }

    @Test
    void aTenantThatIsNotANonEmptyStringIsRefused() {
        for (String tenantJson : new String[] { "12345", "[\"a\",\"b\"]", "\"\"", "\"  \"", "{\"id\":\"a\"}", "true", "null" }) {
            assertProblem(get(token(tenantJson, groups(), now(), now() + 300)).then(), 401);
        }
    }

    @Test
    void groupsThatAreNotAnArrayOfStringsAreRefused() {
        assertProblem(get(token("\"" + tenant + "\"", "\"" + role() + "\"", now(), now() + 300)).then(), 401);
        assertProblem(get(token("\"" + tenant + "\"", "[\"" + role() + "\", 7]", now(), now() + 300)).then(), 401);
    }

    @Test
    void aTokenFromTheFutureOrLivingTooLongIsRefused() {
        assertProblem(get(token("\"" + tenant + "\"", groups(), now() + 600, now() + 900)).then(), 401);
        assertProblem(get(token("\"" + tenant + "\"", groups(), now() - 60, now() + 25 * 3600)).then(), 401);
        // within the clock skew, and a day's lifetime exactly, are fine
        get(token("\"" + tenant + "\"", groups(), now() + 20, now() + 300)).then().statusCode(200);
        get(token("\"" + tenant + "\"", groups(), now() - 60, now() - 60 + 24 * 3600)).then().statusCode(200);
    }

    @Test
    void anotherAudienceOrTypeIsRefused() {
        assertProblem(get(TestTokens.signed("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims("\"" + tenant + "\"", groups(), now(),
                now() + 300, "another-api"))).then(), 401);
        for (String header : new String[] { "{\"alg\":\"RS256\"}", "{\"alg\":\"RS256\",\"typ\":\"ID\"}", "{\"alg\":\"RS256\",\"typ\":\"Refresh\"}" }) {
            assertProblem(get(TestTokens.signed(header, claims("\"" + tenant + "\"", groups(), now(), now() + 300, TestTokens.AUDIENCE)))
                    .then(), 401);
        }
    }

    @Test
    void aHugeTokenIsAnsweredNotDropped() {
        Response r = get("x".repeat(100 * 1024));
        assertThat(r.statusCode()).isIn(401, 431);
        r.then().contentType(startsWith("application/problem+json"));
    }

    @Test
    void anOverlongUriIsAnsweredWithAProblem() {
        Response r = given().header("Authorization", "Bearer " + token("\"" + tenant + "\"", groups(), now(), now() + 300))
                .get(path() + "?q=" + "a".repeat(20_000));
        assertThat(r.statusCode()).isEqualTo(414);
        r.then().contentType(startsWith("application/problem+json"));
        assertThat(r.<Integer>path("status")).isEqualTo(414);
    }

    @Test
    void aQueryParameterWithANulCharacterIsAFieldViolation() {
        Response r = given().header("Authorization", "Bearer " + token("\"" + tenant + "\"", groups(), now(), now() + 300))
                .queryParam("page", "0\u0000").get(path());
        assertThat(r.statusCode()).isEqualTo(400);
        r.then().contentType(startsWith("application/problem+json"));
        assertThat(r.<java.util.List<String>>path("violations.field")).containsExactly("page");
    }

    /** The test profile allows one origin, {@code https://web.qbank.test}; production none unless configured. */
    @Test
    void crossOriginRequestsAreAnsweredOnlyForConfiguredOrigins() {
        String token = token("\"" + tenant + "\"", groups(), now(), now() + 300);
        Response allowed = given().header("Origin", "https://web.qbank.test").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").options(path());
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://web.qbank.test");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");

        Response refused = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization").options(path());
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        Response read = given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + token).get(path());
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
    }
}
