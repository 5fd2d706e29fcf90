import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the "demo" tenant through the front door (the gateway on 8080), as its author and publisher would after signing in
 * to Keycloak, and prints how to sign in. Idempotent: a tenant that already has the demo topics is left as it is.
 * The demo users are those of deploy/keycloak/qbank-realm.json (local only), password demo-USERNAME-2026.
 * Usage: java DemoData.java <project root>
 */
public class DemoData {

    static final String TENANT = "demo";
    static final String FRONT_DOOR = "http://127.0.0.1:8080";
    static final String AUTHORING = FRONT_DOOR + "/api/v1/authoring";
    static final List<String> USERS = List.of("student", "student2", "author", "publisher", "admin");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String root;

    record Item(String topic, String stem, String leadIn, String[] options, int correct, String rationale, String difficulty, int level) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("Cardiology", "A 62-year-old man has sudden tearing chest pain radiating to the back. Blood pressure is 170/95 mm Hg in the right arm and 130/80 mm Hg in the left.",
                    "Which of the following is the most likely diagnosis?",
                    new String[] { "Aortic dissection", "Acute myocardial infarction", "Acute pericarditis", "Pulmonary embolism", "Tension pneumothorax" },
                    0, "Tearing pain radiating to the back with a blood pressure difference between the arms indicates aortic dissection.", "medium", 3),
            new Item("Cardiology", "A 24-year-old woman has palpitations. ECG shows a short PR interval and a slurred upstroke of the QRS complex.",
                    "Which of the following is the underlying abnormality?",
                    new String[] { "Accessory atrioventricular pathway", "Re-entry within the AV node", "Atrial flutter circuit", "Prolonged QT interval" },
                    0, "A delta wave with a short PR interval is Wolff–Parkinson–White syndrome: an accessory pathway.", "medium", 3),
            new Item("Cardiology", "A 70-year-old man has exertional syncope and a crescendo–decrescendo systolic murmur at the right upper sternal border radiating to the carotids.",
                    "Which of the following is the most likely cause of the murmur?",
                    new String[] { "Mitral regurgitation", "Aortic stenosis", "Hypertrophic cardiomyopathy", "Ventricular septal defect" },
                    1, "Exertional syncope with this murmur in an older man is calcific aortic stenosis.", "easy", 2),
            new Item("Neurology", "A 68-year-old woman has sudden weakness of the right arm and face and cannot find words. Symptoms began 90 minutes ago; CT of the head shows no hemorrhage.",
                    "Which of the following is the most appropriate next step?",
                    new String[] { "Intravenous alteplase", "Aspirin and observation", "Lumbar puncture", "Intravenous heparin", "MRI of the spine" },
                    0, "Within the window and without hemorrhage on CT, thrombolysis with alteplase is indicated.", "hard", 4),
            new Item("Neurology", "A 30-year-old woman has painful loss of vision in one eye for 3 days; a year ago she had numbness of both legs that resolved.",
                    "Which of the following findings is most likely on MRI of the brain?",
                    new String[] { "Periventricular white-matter lesions", "Ring-enhancing lesion", "Hippocampal atrophy", "Normal findings" },
                    0, "Optic neuritis after an earlier episode separated in time and place suggests multiple sclerosis.", "medium", 3),
            new Item("Renal", "A 19-year-old man has cola-coloured urine 2 weeks after a sore throat. Blood pressure is 150/95 mm Hg.",
                    "Which of the following serum findings is most likely?",
                    new String[] { "Low C3", "High IgA", "Anti-GBM antibodies", "Positive p-ANCA" },
                    0, "Post-streptococcal glomerulonephritis follows pharyngitis by 1–3 weeks and lowers C3.", "nbme", 5));

    public static void main(String[] args) throws Exception {
        root = args.length > 0 ? args[0] : ".";
        String author = signIn("author"), publisher = signIn("publisher");
        String topics = call("GET", AUTHORING + "/topics", author, null, 200);
        if (topics.contains("\"blueprintCode\":\"DEMO-CAR\"")) {
            System.out.println("[demo] the demo tenant has its items already");
        } else {
            java.util.Map<String, String> topicIds = new java.util.HashMap<>();
            for (Item item : ITEMS) {
                String topicId = topicIds.computeIfAbsent(item.topic(), name -> id(call("POST", AUTHORING + "/topics", author,
                        "{\"name\":\"" + name + " (demo)\",\"blueprintCode\":\"DEMO-" + name.substring(0, 3).toUpperCase() + "\"}", 201)));
                StringBuilder options = new StringBuilder();
                for (int i = 0; i < item.options().length; i++) {
                    options.append(i == 0 ? "" : ",").append("{\"label\":\"").append((char) ('A' + i)).append("\",\"text\":\"")
                            .append(item.options()[i]).append("\",\"correct\":").append(i == item.correct()).append('}');
                }
                String itemId = id(call("POST", AUTHORING + "/items", author, "{\"topicId\":\"" + topicId + "\",\"stem\":\"" + item.stem()
                        + "\",\"leadIn\":\"" + item.leadIn() + "\",\"options\":[" + options + "],\"rationale\":\"" + item.rationale()
                        + "\",\"difficulty\":\"" + item.difficulty() + "\",\"difficultyLevel\":" + item.level() + "}", 201));
                String version = AUTHORING + "/items/" + itemId + "/versions/1";
                call("POST", version + "/transitions", author, "{\"action\":\"submit\"}", 200);
                call("POST", version + "/transitions", publisher, "{\"action\":\"approve\"}", 200);
                call("POST", version + "/publication", publisher, "{\"examCodes\":[\"DEMO\"]}", 200);
            }
            System.out.println("[demo] published " + ITEMS.size() + " items to exam code DEMO in tenant demo");
        }
        System.out.println("""

                QBank is running: open http://127.0.0.1:8080/ and sign in (tenant demo; logs: deploy/local/.infra/run/*.log and
                deploy/local/.infra/gateway/; stop with ./qbank stop).""");
        for (String user : USERS) {
            System.out.printf("  %-10s password %s%n", user, password(user));
        }
        System.out.println("""
                The APIs, through the same front door: http://127.0.0.1:8080/api/v1/{authoring,quizzes,generation,reviews,analytics}
                (OpenAPI and Swagger UI of each service: http://127.0.0.1:808[1-5]/q/swagger-ui). A token for curl:
                  STUDENT=$(./qbank token student)
                  curl -s -H "Authorization: Bearer $STUDENT" -H 'content-type: application/json' \\
                       -d '{"examCode":"DEMO","mode":"tutor","length":3}' http://127.0.0.1:8080/api/v1/quizzes""");
    }

    static String password(String user) {
        return "demo-" + user + "-2026";
    }

    /** The user's access token, from deploy/local/SignIn.java (Keycloak's password grant through the front door). */
    static String signIn(String user) throws Exception {
        Process p = new ProcessBuilder("java", root + "/deploy/local/SignIn.java", user).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(user + " could not sign in");
        }
        return token;
    }

    static String call(String method, String url, String token, String body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        }
    }

    static String id(String json) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }
}
