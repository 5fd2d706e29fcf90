package io.qbank.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qbank.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A fresh tenant with an author and a publisher, and the few calls most authoring tests make. */
public final class AuthoringClient {

    static final String BASE = "/api/v1/authoring";

    final String tenant = "t-" + UUID.randomUUID();
    final UUID author = UUID.randomUUID();
    final UUID publisher = UUID.randomUUID();

    RequestSpecification as(UUID user, String tenantId, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, tenantId, roles)).contentType(ContentType.JSON);
    }

    RequestSpecification asAuthor() {
        return as(author, tenant, "author");
    }

    RequestSpecification asPublisher() {
        return as(publisher, tenant, "publisher");
    }

    String topic(String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "blueprintCode", "BP-" + name.length()));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return asPublisher().body(body).post(BASE + "/topics").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> content(String topicId, String stem) {
        Map<String, Object> content = new HashMap<>(AuthoringResourceTest.item(topicId, AuthoringResourceTest.fourOptions()));
        content.put("stem", stem);
        return content;
    }

    String createItem(Map<String, Object> content) {
        return asAuthor().body(content).post(BASE + "/items").then().statusCode(201).extract().path("id");
    }

    void act(RequestSpecification who, String itemId, int version, String action) {
        who.body(Map.of("action", action)).post(BASE + "/items/" + itemId + "/versions/" + version + "/transitions")
                .then().statusCode(200);
    }

    /** submit, approve and publish a version to the exam codes. */
    void publish(String itemId, int version, String... examCodes) {
        act(asAuthor(), itemId, version, "submit");
        act(asPublisher(), itemId, version, "approve");
        asPublisher().body(Map.of("examCodes", List.of(examCodes))).post(BASE + "/items/" + itemId + "/versions/" + version + "/publication")
                .then().statusCode(200).body("liveVersion", equalTo(version));
    }
}
