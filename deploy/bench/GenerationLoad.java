import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Runs generation jobs one after another and times each end to end: POST → job finished (polled every 10 ms) → its
 * drafts read back from Kafka. java -cp 'kafka libs/*' GenerationLoad.java BASE TOKEN DRAFTS_TOPIC RUNS COUNT RESET_COMMAND
 * RESET_COMMAND (a shell command) runs before each job, e.g. to forget earlier drafts so every run drafts COUNT items.
 */
public class GenerationLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0], token = args[1], topic = args[2];
        int runs = Integer.parseInt(args[3]), count = Integer.parseInt(args[4]);
        String reset = args.length > 5 ? args[5] : null;
        HttpClient http = HttpClient.newHttpClient();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Long> totals = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int run = 0; run <= runs; run++) { // run 0 warms up (model session, JIT) and is not counted
                if (reset != null) {
                    new ProcessBuilder("bash", "-c", reset).inheritIO().start().waitFor();
                }
                String body = "{\"topic\":\"Internal medicine\",\"subtopic\":\"Mixed\",\"difficulty\":3,\"studentLevel\":3,\"count\":" + count
                        + ",\"examCode\":\"STEP1\"}";
                long t0 = System.nanoTime();
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/generation/jobs"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 202) {
                    throw new IllegalStateException("job not accepted: " + created.statusCode() + " " + created.body());
                }
                String id = field(created.body(), "id");
                String job;
                while (true) {
                    job = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/generation/jobs/" + id))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
                    String state = field(job, "state");
                    if (!state.equals("queued") && !state.equals("running")) {
                        break;
                    }
                    Thread.sleep(10);
                }
                long t1 = System.nanoTime();
                int valid = Integer.parseInt(field(job, "valid"));
                int seen = 0;
                while (seen < valid && System.nanoTime() - t1 < 30_000_000_000L) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        if (id.equals(r.key())) {
                            seen++;
                        }
                    }
                }
                long t2 = System.nanoTime();
                System.out.printf("[bench] %s job %s: %s, generated %s, valid %d, rejected %s, duplicates %s; finished %d ms, drafts on Kafka %d ms (%d read)%n",
                        run == 0 ? "warm-up" : "run " + run, id, field(job, "state"), field(job, "generated"), valid, field(job, "rejected"),
                        field(job, "duplicates"), (t1 - t0) / 1_000_000, (t2 - t0) / 1_000_000, seen);
                if (run > 0) {
                    totals.add((t2 - t0) / 1_000_000);
                }
            }
        }
        totals.sort(Long::compare);
        System.out.printf("[bench] end to end over %d runs: median %d ms, worst %d ms%n", totals.size(), totals.get(totals.size() / 2),
                totals.get(totals.size() - 1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*(\"([^\"]*)\"|[-0-9.]+|null)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
