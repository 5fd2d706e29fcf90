import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Publish → event latency: for each of N approved items, the time from sending the publication request to seeing its
 * ItemPublished record on the items topic (qbank.items.v1, or the benchmark's own given as the sixth argument) (outbox write, relay poll, Kafka acks, consumer fetch). Run with the Kafka
 * client jars on the class path: java -cp 'deploy/local/.infra/kafka-4.1.1/lib/*' PublishLatency.java BASE AUTHOR PUBLISHER TOPIC N
 */
public class PublishLatency {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String author = args[1];
        String publisher = args[2];
        String topicId = args[3];
        int count = Integer.parseInt(args[4]);
        String itemsTopic = args.length > 5 ? args[5] : "qbank.items.v1";

        Properties props = new Properties();
        props.put("bootstrap.servers", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put("fetch.max.wait.ms", "10");
        List<Long> latencies = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(itemsTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < count; i++) {
                String itemId = id(post(base + "/api/v1/authoring/items", author, item(topicId, i), 201));
                post(base + "/api/v1/authoring/items/" + itemId + "/versions/1/transitions", author, "{\"action\":\"submit\"}", 200);
                post(base + "/api/v1/authoring/items/" + itemId + "/versions/1/transitions", publisher, "{\"action\":\"approve\"}", 200);
                long t0 = System.nanoTime();
                post(base + "/api/v1/authoring/items/" + itemId + "/versions/1/publication", publisher, "{\"examCodes\":[\"BENCH\"]}", 200);
                boolean seen = false;
                while (!seen) {
                    if (System.nanoTime() - t0 > 30_000_000_000L) {
                        throw new IllegalStateException("no ItemPublished for " + itemId + " within 30 s");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                        Header subject = record.headers().lastHeader("ce_subject");
                        if (subject != null && itemId.equals(new String(subject.value(), StandardCharsets.UTF_8))) {
                            seen = true;
                        }
                    }
                }
                latencies.add(System.nanoTime() - t0);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("publish -> ItemPublished on Kafka, %d items: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.length,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    static String item(String topicId, int i) {
        return """
                {"topicId":"%s","stem":"Benchmark vignette %d: a 40-year-old man has chest pain.","leadIn":"What is the diagnosis?",
                 "options":[{"label":"A","text":"Option one","correct":true},{"label":"B","text":"Option two","correct":false},
                 {"label":"C","text":"Option three","correct":false},{"label":"D","text":"Option four","correct":false}],
                 "rationale":"Because.","difficulty":"medium","difficultyLevel":3}""".formatted(topicId, i);
    }

    static String post(String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
