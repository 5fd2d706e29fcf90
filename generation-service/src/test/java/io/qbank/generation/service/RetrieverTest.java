package io.qbank.generation.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.qbank.common.testing.TestTokens;
import io.qbank.generation.domain.Scope;
import io.qbank.generation.service.Retriever.RetrievedChunk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Upload → chunks embedded in the background → the chunk about the query's subject ranks first, within the tenant only. */
@QuarkusTest
class RetrieverTest {

    static final String CARDIOLOGY = """
            # Aortic dissection
            Aortic dissection presents with sudden tearing chest pain radiating to the back, unequal blood pressures between the
            arms, and a widened mediastinum on chest radiograph. Hypertension is the main risk factor; Marfan syndrome predisposes
            the young. Type A dissections involve the ascending aorta and need emergency surgery.
            """;
    static final String RENAL = """
            # Nephrotic syndrome
            Minimal change disease is the commonest cause of nephrotic syndrome in children: heavy proteinuria, hypoalbuminaemia,
            oedema and hyperlipidaemia, with effacement of podocyte foot processes on electron microscopy and a good response to
            corticosteroids.
            """;

    @Inject
    Retriever retriever;

    private String upload(String tenant, String title, String text) {
        return given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), tenant, "author")).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", text)).post("/api/v1/generation/materials")
                .then().statusCode(201).extract().path("id");
    }

    private String state(String tenant, String id) {
        return given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), tenant, "author"))
                .get("/api/v1/generation/materials/" + id).then().statusCode(200).extract().path("embeddingState");
    }

    @Test
    void theMostSimilarChunkOfTheTenantsReadyMaterialsRanksFirst() {
        String tenant = "t-" + UUID.randomUUID(), other = "t-" + UUID.randomUUID();
        String cardio = upload(tenant, "Cardiology", CARDIOLOGY);
        String renal = upload(tenant, "Nephrology", RENAL);
        String foreign = upload(other, "Cardiology elsewhere", CARDIOLOGY);
        UUID learner = UUID.randomUUID();
        String own = given().header("Authorization", TestTokens.bearer(learner, tenant, "student")).contentType(ContentType.JSON)
                .body(Map.of("title", "My cardiology notes", "text", CARDIOLOGY)).post("/api/v1/generation/personal/materials")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "ready".equals(state(tenant, cardio)) && "ready".equals(state(tenant, renal))
                && "ready".equals(state(other, foreign)) && "ready".equals(given().header("Authorization", TestTokens.bearer(learner, tenant, "student"))
                        .get("/api/v1/generation/personal/materials/" + own).then().statusCode(200).extract().path("embeddingState")));
        Scope shared = new Scope(tenant, null);

        List<RetrievedChunk> forDissection = retriever.retrieve(shared, null, "tearing chest pain and widened mediastinum", 2)
                .await().atMost(Duration.ofSeconds(30));
        assertThat(forDissection).hasSize(2);
        assertThat(forDissection.get(0).materialId()).hasToString(cardio);
        assertThat(forDissection.get(0).similarity()).isGreaterThan(forDissection.get(1).similarity());
        assertThat(forDissection).extracting(c -> c.materialId().toString()).doesNotContain(foreign, own);
        // a learner's own notes are theirs alone: authors' retrieval never sees them, and the learner's sees only them
        assertThat(retriever.retrieve(shared, null, "tearing chest pain", 10).await().atMost(Duration.ofSeconds(30)))
                .extracting(c -> c.materialId().toString()).doesNotContain(own);
        assertThat(retriever.retrieve(new Scope(tenant, learner), null, "tearing chest pain", 10).await().atMost(Duration.ofSeconds(30)))
                .isNotEmpty().allSatisfy(c -> assertThat(c.materialId()).hasToString(own));

        List<RetrievedChunk> forKidneys = retriever.retrieve(shared, null, "proteinuria in a child with oedema", 1).await().atMost(Duration.ofSeconds(30));
        assertThat(forKidneys.get(0).materialId()).hasToString(renal);
        // restricted to given materials
        assertThat(retriever.retrieve(shared, List.of(UUID.fromString(cardio)), "proteinuria in a child", 5).await().atMost(Duration.ofSeconds(30)))
                .allSatisfy(c -> assertThat(c.materialId()).hasToString(cardio));
    }
}
