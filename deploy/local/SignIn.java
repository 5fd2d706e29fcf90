import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints an access token of a user of the local realm: the password grant of the scripts' client (qbank-cli), through the
 * front door. A demo user's password is demo-USERNAME-2026 unless given.
 * Usage: java SignIn.java USERNAME [PASSWORD]       (./qbank token USERNAME [PASSWORD])
 */
public class SignIn {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ./qbank token USERNAME [PASSWORD]   (demo users: student, student2, author, publisher, admin)");
            System.exit(2);
        }
        String user = args[0], password = args.length > 1 ? args[1] : "demo-" + args[0] + "-2026";
        String url = System.getenv().getOrDefault("QBANK_FRONT_DOOR", "http://127.0.0.1:8080") + "/realms/qbank/protocol/openid-connect/token";
        String form = "grant_type=password&client_id=qbank-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            System.err.println(user + " could not sign in (" + response.statusCode() + "): " + response.body());
            System.exit(1);
        }
        System.out.println(token.group(1));
    }
}
