import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates a tenant: its first admin, a user of the suite's realm whose tenant attribute names it, with a temporary password
 * to change at the first sign-in. The admin then adds the tenant's users (the web app, or /api/v1/authoring/users).
 * A tenant exists as long as users carry its id; this refuses an id that users already carry.
 * Usage: java Tenants.java create TENANT ADMIN_USERNAME [EMAIL]          (./qbank tenant create ...)
 * Keycloak: QBANK_IDENTITY_URL (http://127.0.0.1:8180), QBANK_IDENTITY_REALM (qbank), and the secret of the realm's
 * qbank-admin-api client, QBANK_IDENTITY_ADMIN_API_SECRET (the local realm's by default).
 */
public class Tenants {

    static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,63}$");
    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,63}$");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String URL = env("QBANK_IDENTITY_URL", "http://127.0.0.1:8180");
    static final String REALM = env("QBANK_IDENTITY_REALM", "qbank");
    static final String ADMIN = URL + "/admin/realms/" + REALM;

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4 || !args[0].equals("create")) {
            fail(2, "usage: ./qbank tenant create TENANT ADMIN_USERNAME [EMAIL]");
        }
        String tenant = args[1], username = args[2], email = args.length > 3 ? args[3] : null;
        if (!TENANT.matcher(tenant).matches()) {
            fail(2, "a tenant id is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!USERNAME.matcher(username).matches()) {
            fail(2, "a username is 3 to 64 lower-case letters, digits, '.', '_', '-' or '@'");
        }
        String token = serviceAccountToken();
        HttpResponse<String> existing = send(token, "GET", "/users?briefRepresentation=true&max=1&exact=true&q="
                + URLEncoder.encode("tenant:" + tenant, StandardCharsets.UTF_8), null);
        if (!existing.body().strip().equals("[]")) {
            fail(1, "tenant " + tenant + " exists already: its admins add users");
        }
        String password = temporaryPassword();
        String user = """
                {"username":%s,"email":%s,"enabled":true,"attributes":{"tenant":[%s]},
                 "credentials":[{"type":"password","value":%s,"temporary":true}]}"""
                .formatted(json(username), email == null ? "null" : json(email), json(tenant), json(password));
        HttpResponse<String> created = send(token, "POST", "/users", user);
        if (created.statusCode() != 201) {
            fail(1, "Keycloak refused the admin (" + created.statusCode() + "): " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String available = send(token, "GET", "/users/" + id + "/role-mappings/realm/available", null).body();
        Matcher admin = Pattern.compile("\\{[^{}]*\"name\":\"admin\"[^{}]*\\}").matcher(available);
        if (!admin.find() || send(token, "POST", "/users/" + id + "/role-mappings/realm", "[" + admin.group() + "]").statusCode() != 204) {
            send(token, "DELETE", "/users/" + id, null);
            fail(1, "could not give " + username + " the admin role; nothing was created");
        }
        System.out.printf("""
                tenant %s created with its admin %s (user id %s)
                  temporary password: %s   (changed at the first sign-in)
                  sign in at: %s
                """, tenant, username, id, password, env("QBANK_FRONT_DOOR", "http://127.0.0.1:8080") + "/");
    }

    static String serviceAccountToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=qbank-admin-api&client_secret="
                + URLEncoder.encode(env("QBANK_IDENTITY_ADMIN_API_SECRET", "local-admin-api-secret"), StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(URL + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            fail(1, "the qbank-admin-api service account could not sign in (" + response.statusCode() + "): " + response.body());
        }
        return token.group(1);
    }

    static HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ADMIN + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String temporaryPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void fail(int status, String message) {
        System.err.println("[tenant] " + message);
        System.exit(status);
    }
}
