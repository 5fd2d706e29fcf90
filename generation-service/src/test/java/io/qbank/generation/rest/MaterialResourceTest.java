package io.qbank.generation.rest;

import static io.qbank.common.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.qbank.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class MaterialResourceTest {

    private static final String BASE = "/api/v1/generation/materials";
    private final String tenant = "t-" + UUID.randomUUID();

    private RequestSpecification as(String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), tenantId, roles)).contentType(ContentType.JSON);
    }

    private String upload(String text) {
        return as(tenant, "author").body(Map.of("title", "Cardiology notes", "contentType", "text/markdown", "text", text)).post(BASE)
                .then().statusCode(201).body("sizeChars", equalTo(text.length())).extract().path("id");
    }

    @Test
    void aMaterialIsStoredChunkedListedAndDeleted() {
        String id = upload("# Aortic dissection\n\nTearing chest pain radiating to the back. ".repeat(100));
        as(tenant, "author").get(BASE + "/" + id).then().statusCode(200).body("chunkCount", greaterThan(3));
        as(tenant, "author").get(BASE + "/" + id + "/chunks").then().statusCode(200)
                .body("[0].ordinal", equalTo(0)).body("[0].startOffset", equalTo(0));
        as(tenant, "admin").get(BASE).then().statusCode(200).body("id", hasItem(id));
        as(tenant, "author").delete(BASE + "/" + id).then().statusCode(204);
        assertProblem(as(tenant, "author").get(BASE + "/" + id).then(), 404);
    }

    @Test
    void anotherTenantsMaterialIsNotFound() {
        String id = upload("Some notes.");
        String other = "other-" + UUID.randomUUID();
        assertProblem(as(other, "author").get(BASE + "/" + id).then(), 404);
        assertProblem(as(other, "author").delete(BASE + "/" + id).then(), 404);
        as(other, "author").get(BASE).then().statusCode(200).body("size()", equalTo(0));
        as(tenant, "author").get(BASE + "/" + id).then().statusCode(200);
    }

    @Test
    void withoutAProviderGenerationAnswers503SayingHowToConfigureOne() {
        // this class runs without the OpenAI stub: the key is the "none" placeholder of application.properties
        as(tenant, "author").body(Map.of("topic", "Cardiology", "difficulty", 3, "count", 1, "examCode", "STEP1"))
                .post("/api/v1/generation/jobs").then().statusCode(503).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("QBANK_LLM_API_KEY"));
    }

    @Test
    void securityAndBadInput() {
        assertProblem(given().get(BASE).then(), 401);
        assertProblem(given().header("Authorization", TestTokens.bearerWithoutTenant(UUID.randomUUID(), "author")).get(BASE).then(), 401);
        assertProblem(as(tenant, "student").get(BASE).then(), 403);
        assertProblem(as(tenant, "publisher").body(Map.of("title", "t", "text", "x")).post(BASE).then(), 403);
        assertProblem(as(tenant, "author").body("{\"title\": \"t\", ").post(BASE).then(), 400);
        assertProblem(as(tenant, "author").body(Map.of("title", "", "text", "x")).post(BASE).then(), 400)
                .body("violations.field", hasItem("title"));
        assertProblem(as(tenant, "author").body(Map.of("title", "t", "contentType", "application/pdf", "text", "x")).post(BASE).then(), 400);
        assertProblem(as(tenant, "author").body(Map.of("title", "t", "text", "   \n ")).post(BASE).then(), 422);
        assertProblem(as(tenant, "author").body(Map.of("title", "t", "text", "x".repeat(1_000_001))).post(BASE).then(), 413);
        as(tenant, "author").get(BASE).then().statusCode(200).body("size()", equalTo(0));
    }
}
