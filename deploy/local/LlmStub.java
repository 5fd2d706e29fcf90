import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions endpoint answering with valid, mutually distinct NBME-style questions (one per
 * organ system below): as many as the prompt asks for ("Write exactly N questions"), else COUNT, each answer taking up
 * the cases where the last one stopped, after DELAY_MS. The generation benchmark's model, and the local suite's when no
 * LLM provider is configured: java LlmStub.java PORT COUNT [DELAY_MS]
 */
public class LlmStub {

    record Case(String patient, String complaint, String question, String[] options, int key, String why) {
    }

    static final Case[] CASES = {
            new Case("A 65-year-old man with hypertension", "sudden tearing chest pain radiating to the back", "most likely diagnosis",
                    new String[] { "Myocardial infarction", "Pulmonary embolism", "Aortic dissection", "Pericarditis" }, 2, "aortic dissection"),
            new Case("A 4-year-old boy", "periorbital oedema and heavy proteinuria", "finding on electron microscopy",
                    new String[] { "Podocyte effacement", "Subepithelial humps", "Split basement membrane", "IgA deposits" }, 0, "podocyte effacement"),
            new Case("A 28-year-old woman", "heat intolerance, weight loss and a diffuse goitre", "mechanism of her disease",
                    new String[] { "TSH receptor stimulation", "Thyroperoxidase antibodies", "Iodine deficiency", "Pituitary adenoma" }, 0, "tsh receptor stimulation"),
            new Case("A 55-year-old alcoholic man", "epigastric pain radiating to the back and raised lipase", "most likely diagnosis",
                    new String[] { "Acute pancreatitis", "Peptic ulcer", "Cholecystitis", "Gastritis" }, 0, "acute pancreatitis"),
            new Case("A 70-year-old woman", "sudden painless loss of vision in one eye with a cherry-red spot", "most likely cause",
                    new String[] { "Retinal detachment", "Central retinal artery occlusion", "Glaucoma", "Cataract" }, 1, "central retinal artery occlusion"),
            new Case("A 22-year-old male college student", "fever, neck stiffness and a petechial rash", "organism",
                    new String[] { "Streptococcus pneumoniae", "Neisseria meningitidis", "Listeria", "Haemophilus" }, 1, "neisseria meningitidis"),
            new Case("A 35-year-old woman", "fatigue, pallor and spoon-shaped nails", "laboratory finding",
                    new String[] { "Low ferritin", "High MCV", "Low haptoglobin", "Target cells" }, 0, "low ferritin"),
            new Case("A 60-year-old man who smokes", "haemoptysis and hypercalcaemia", "tumour type",
                    new String[] { "Small cell carcinoma", "Squamous cell carcinoma", "Adenocarcinoma", "Carcinoid" }, 1, "squamous cell carcinoma"),
            new Case("A 45-year-old man", "a swollen, red, exquisitely painful first toe after a feast", "crystal in the joint",
                    new String[] { "Monosodium urate", "Calcium pyrophosphate", "Cholesterol", "Hydroxyapatite" }, 0, "monosodium urate"),
            new Case("A 30-year-old woman", "a butterfly rash, arthritis and proteinuria", "most specific antibody",
                    new String[] { "Antinuclear", "Anti-double-stranded DNA", "Anti-histone", "Rheumatoid factor" }, 1, "anti-double-stranded dna"),
            new Case("A newborn girl", "bilious vomiting on the first day of life", "most likely diagnosis",
                    new String[] { "Pyloric stenosis", "Duodenal atresia", "Malrotation with volvulus", "Hirschsprung disease" }, 2, "malrotation with volvulus"),
            new Case("A 50-year-old man", "progressive dysphagia to solids and weight loss", "best initial test",
                    new String[] { "Barium swallow", "Upper endoscopy", "Manometry", "CT chest" }, 1, "upper endoscopy"),
            new Case("A 25-year-old man", "lower back pain and stiffness improving with exercise", "associated gene",
                    new String[] { "HLA-B27", "HLA-DR4", "HLA-DQ2", "HLA-A3" }, 0, "hla-b27"),
            new Case("A 68-year-old man", "resting tremor, rigidity and shuffling gait", "degenerating structure",
                    new String[] { "Caudate nucleus", "Substantia nigra", "Cerebellum", "Motor cortex" }, 1, "substantia nigra"),
            new Case("A 40-year-old woman", "right upper quadrant pain after fatty meals", "best imaging",
                    new String[] { "Abdominal ultrasound", "CT abdomen", "HIDA scan", "MRCP" }, 0, "abdominal ultrasound"),
            new Case("A 33-year-old man", "polyuria and hypernatraemia not corrected by desmopressin", "site of the defect",
                    new String[] { "Posterior pituitary", "Collecting duct", "Hypothalamus", "Proximal tubule" }, 1, "collecting duct"),
            new Case("A 19-year-old woman", "amenorrhoea, bradycardia and a low body mass index", "most likely diagnosis",
                    new String[] { "Anorexia nervosa", "Hypothyroidism", "Prolactinoma", "Turner syndrome" }, 0, "anorexia nervosa"),
            new Case("A 58-year-old diabetic man", "a painless ulcer over the first metatarsal head", "main cause",
                    new String[] { "Arterial insufficiency", "Peripheral neuropathy", "Venous stasis", "Infection" }, 1, "peripheral neuropathy"),
            new Case("A 72-year-old woman", "a hip fracture after a minor fall", "preventive drug",
                    new String[] { "Alendronate", "Calcitonin", "Prednisone", "Heparin" }, 0, "alendronate"),
            new Case("A 26-year-old pregnant woman", "hypertension, proteinuria and headache at 34 weeks", "drug to prevent seizures",
                    new String[] { "Phenytoin", "Magnesium sulfate", "Diazepam", "Labetalol" }, 1, "magnesium sulfate") };

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        AtomicInteger next = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            Matcher asked = ASKED.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int n = asked.find() ? Integer.parseInt(asked.group(1)) : count;
            String answer = answer(next.getAndAdd(n), n);
            sleep(delayMs);
            byte[] body = ("{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\",\"choices\":[{\"index\":0,"
                    + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":" + quote(answer) + "}}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("[stub] OpenAI-compatible stub on :" + port + " answering " + count + " questions unless asked for another number"
                + (delayMs > 0 ? ", after " + delayMs + " ms" : ""));
    }

    private static final Pattern ASKED = Pattern.compile("Write exactly (\\d+) questions");

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String answer(int first, int count) {
        List<String> questions = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Case c = CASES[i % CASES.length];
            StringBuilder options = new StringBuilder();
            for (String o : c.options()) {
                options.append(options.isEmpty() ? "" : ",").append(quote(o));
            }
            questions.add("{\"vignette\":" + quote(c.patient() + " presents with " + c.complaint() + ".")
                    + ",\"question\":" + quote("Which of the following is the " + c.question() + "?")
                    + ",\"options\":[" + options + "],\"correct_index\":" + c.key()
                    + ",\"explanation\":" + quote("The findings point to " + c.why() + ", which explains the presentation.")
                    + ",\"teaching_points\":[" + quote("Recognise " + c.why()) + "]}");
        }
        return "{\"questions\":[" + String.join(",", questions) + "]}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
