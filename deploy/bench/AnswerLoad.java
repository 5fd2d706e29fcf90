import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends N AnswerSubmitted CloudEvents to TOPIC (default qbank.delivery.v1) as fast as the broker takes them (keyed by user, as delivery
 * does), for learners md5(tenant||'user'||u) and items md5(tenant||'item'||i) of deploy/bench/seed-review.sql.
 * Run with the Kafka client jars: java -cp 'deploy/local/.infra/kafka-4.1.1/lib/*' AnswerLoad.java TENANT N USERS ITEMS [TOPIC]
 */
public class AnswerLoad {

    public static void main(String[] args) throws Exception {
        String tenant = args[0];
        int n = Integer.parseInt(args[1]);
        int users = Integer.parseInt(args[2]);
        int items = Integer.parseInt(args[3]);
        String topic = args.length > 4 ? args[4] : "qbank.delivery.v1";
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", "localhost:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < n; i++) {
                UUID user = uuid(tenant + "user" + (1 + i % users));
                UUID item = uuid(tenant + "item" + ((i * 7 + i / users) % items));
                boolean correct = i % 5 != 0;
                String json = """
                        {"responseId":"%s","quizId":"%s","tenantId":"%s","userId":"%s","position":1,"itemId":"%s","version":1,\
                        "topicId":null,"examCode":"STEP1","selectedLabel":"%s","correct":%s,"confidence":%d,"timeTakenMs":%d,\
                        "thetaBefore":0.0,"thetaAfter":0.1,"seAfter":0.9,"difficulty":"medium","mode":"tutor","answeredAt":"%s"}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), tenant, user, item, correct ? "A" : "B", correct, 1 + i % 5,
                                20_000 + i % 90_000, Instant.now());
                RecordHeaders h = new RecordHeaders();
                h.add("ce_specversion", b("1.0"));
                h.add("ce_id", b(UUID.randomUUID().toString()));
                h.add("ce_source", b("bench"));
                h.add("ce_type", b("qbank.quiz.answer-submitted.v1"));
                h.add("ce_subject", b(item.toString()));
                h.add("ce_time", b(Instant.now().toString()));
                h.add("ce_tenant", b(tenant));
                h.add("content-type", b("application/json"));
                producer.send(new ProducerRecord<>(topic, null, user.toString(), json, h));
            }
            producer.flush();
        }
        System.out.printf("[bench] produced %d AnswerSubmitted in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    private static UUID uuid(String s) throws Exception {
        byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (md5[i] & 0xff);
            lo = (lo << 8) | (md5[i + 8] & 0xff);
        }
        return new UUID(hi, lo); // PostgreSQL's md5(text)::uuid: the 16 digest bytes as they are
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
