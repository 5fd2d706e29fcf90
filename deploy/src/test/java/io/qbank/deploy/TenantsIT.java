package io.qbank.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** ./qbank tenant create: a new tenant's first admin, who must change the temporary password before any token. */
class TenantsIT {

    record Run(int exit, String out) {
    }

    private static Run tenant(String... args) throws Exception {
        Path root = Path.of(System.getProperty("qbank.root", ".."));
        List<String> command = new java.util.ArrayList<>(List.of("java", root.resolve("deploy/local/Tenants.java").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out);
    }

    @Test
    void aNewTenantGetsItsFirstAdminOnce() throws Exception {
        String tenant = Identity.tenant("e2e-new");
        String admin = tenant + ".admin";
        Run created = tenant("create", tenant, admin, admin + "@example.edu");
        assertThat(created.exit()).as(created.out()).isZero();
        Matcher password = Pattern.compile("temporary password: (\\S+)").matcher(created.out());
        assertThat(password.find()).as(created.out()).isTrue();

        String service = Identity.serviceAccountToken();
        List<Map<String, Object>> users = given().header("Authorization", "Bearer " + service).queryParam("q", "tenant:" + tenant)
                .queryParam("briefRepresentation", false).get(Identity.ADMIN_API + "/users").then().statusCode(200).extract().path("$");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).containsEntry("username", admin).containsEntry("email", admin + "@example.edu");
        given().header("Authorization", "Bearer " + service).get(Identity.ADMIN_API + "/users/" + users.get(0).get("id") + "/role-mappings/realm")
                .then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem("admin"));
        // the temporary password opens no token: it must be changed at the first sign-in, in the browser
        Identity.passwordGrant(admin, password.group(1)).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("not fully set up"));

        Run again = tenant("create", tenant, tenant + ".second");
        assertThat(again.exit()).isNotZero();
        assertThat(again.out()).contains("exists already");
        assertThat(tenant("create", "Not A Tenant", "x.admin").exit()).isEqualTo(2);
    }
}
